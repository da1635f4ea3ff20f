import type { Message } from './message.js';

export interface Decoded {
  /** The text, without a byte order mark; null when the bytes are not text. */
  text: string | null;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  messages: Omit<Message, 'path'>[];
}

/**
 * Decode a file's bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM. Invalid UTF-8 is decoded with
 * replacement characters and a warning; bytes that look binary (NUL bytes in UTF-8) give no text.
 */
export function decodeText(bytes: Uint8Array, maxBytes = Number.POSITIVE_INFINITY): Decoded {
  const messages: Omit<Message, 'path'>[] = [];
  if (bytes.length === 0) {
    messages.push({ code: 'read/empty', severity: 'info', reason: 'The file is empty.' });
    return { text: '', encoding: 'utf-8', messages };
  }
  let encoding: Decoded['encoding'] = 'utf-8';
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, offset] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, offset] = ['utf-16be', 2];
  let body = bytes.subarray(offset);
  if (body.length > maxBytes) {
    messages.push({
      code: 'read/too-large',
      severity: 'warning',
      reason: `The file has ${body.length} bytes; only the first ${maxBytes} were analysed.`,
    });
    body = body.subarray(0, maxBytes);
  }
  if (encoding === 'utf-8' && looksBinary(body)) {
    messages.push({ code: 'read/binary', severity: 'warning', reason: 'The file looks binary (it has NUL bytes); skipped.' });
    return { text: null, encoding, messages };
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
    messages.push({
      code: 'read/invalid-utf8',
      severity: 'warning',
      reason: `The file is not valid ${encoding.toUpperCase()}; invalid bytes were replaced with U+FFFD.`,
    });
  }
  return { text, encoding, messages };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}
