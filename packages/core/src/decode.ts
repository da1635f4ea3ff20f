import type { Message } from './message.js';

export interface Decoded {
  /** The text, without a byte order mark; null when the bytes are not text. */
  text: string | null;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Whether the bytes started with a byte order mark (not part of `text`, not counted in offsets). */
  bom: boolean;
  /** Whether the text stops at `maxBytes` rather than at the end of the file. */
  truncated: boolean;
  messages: Omit<Message, 'path'>[];
}

/** Magic numbers of common non-text files, checked before anything else (a PDF has no NUL in its header). */
const signatures: { name: string; bytes: number[] }[] = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP or RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'a ZIP archive (or a Word/OpenDocument file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'an xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'an old Microsoft Office document', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'an MP3 file', bytes: [0x49, 0x44, 0x33] },
  { name: 'an Ogg file', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { name: 'a SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

/**
 * Decode a file's bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM. Invalid UTF-8 is decoded with
 * replacement characters and a warning; bytes that are not text (a known binary signature, or NUL bytes in
 * UTF-8) give no text and a one-line reason. With `maxBytes`, only that many bytes after the BOM are decoded,
 * cut back to a character boundary so that the cut itself never produces a replacement character.
 */
export function decodeText(bytes: Uint8Array, maxBytes = Number.POSITIVE_INFINITY): Decoded {
  const messages: Omit<Message, 'path'>[] = [];
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`Expected a Uint8Array, not ${typeof bytes}`);
  if (bytes.length === 0) {
    messages.push({ code: 'read/empty', severity: 'info', reason: 'The file is empty.' });
    return { text: '', encoding: 'utf-8', bom: false, truncated: false, messages };
  }
  let encoding: Decoded['encoding'] = 'utf-8';
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, offset] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, offset] = ['utf-16be', 2];
  const bom = offset > 0;
  if (!bom) {
    const kind = binarySignature(bytes);
    if (kind) {
      messages.push({ code: 'read/binary', severity: 'warning', reason: `The file is ${kind}, not text; skipped.` });
      return { text: null, encoding, bom, truncated: false, messages };
    }
  }
  let body = bytes.subarray(offset);
  let truncated = false;
  if (body.length > maxBytes) {
    const cut = encoding === 'utf-8' ? utf8Boundary(body, maxBytes) : utf16Boundary(body, maxBytes, encoding);
    messages.push({
      code: 'read/too-large',
      severity: 'warning',
      reason: `The file has ${body.length} bytes, more than the limit of ${maxBytes}; only the first ${cut} were analysed.`,
    });
    body = body.subarray(0, cut);
    truncated = true;
  }
  if (encoding === 'utf-8' && looksBinary(body)) {
    messages.push({
      code: 'read/binary',
      severity: 'warning',
      reason: 'The file looks binary (it has NUL bytes and no UTF-16 byte order mark); skipped.',
    });
    return { text: null, encoding, bom, truncated, messages };
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
    const first = firstReplacement(text);
    const message: Omit<Message, 'path'> = {
      code: 'read/invalid-utf8',
      severity: 'warning',
      reason: `The file is not valid ${encoding.toUpperCase()}; invalid bytes were replaced with U+FFFD.`,
    };
    if (first >= 0) Object.assign(message, { start: first, end: first + 1 });
    messages.push(message);
  }
  return { text, encoding, bom, truncated, messages };
}

/** The name of a binary format whose magic number starts `bytes`, if any. */
export function binarySignature(bytes: Uint8Array): string | undefined {
  for (const signature of signatures) {
    if (signature.bytes.every((b, i) => bytes[i] === b)) return signature.name;
  }
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** The largest length <= `max` that does not split a UTF-8 sequence. */
function utf8Boundary(bytes: Uint8Array, max: number): number {
  const cut = Math.max(0, Math.floor(max));
  const continuation = (i: number) => ((bytes[i] ?? 0) & 0xc0) === 0x80;
  if (!continuation(cut)) return cut;
  // The byte at the cut continues a character: step back to that character's lead byte (at most 3 bytes).
  let lead = cut - 1;
  while (lead > 0 && cut - lead < 3 && continuation(lead)) lead--;
  return ((bytes[lead] ?? 0) & 0xc0) === 0xc0 ? lead : cut;
}

/** The largest even length <= `max` that does not split a surrogate pair. */
function utf16Boundary(bytes: Uint8Array, max: number, encoding: 'utf-16le' | 'utf-16be'): number {
  let cut = Math.max(0, Math.floor(max));
  cut -= cut % 2;
  if (cut >= 2) {
    const hi = encoding === 'utf-16le' ? (bytes[cut - 1] ?? 0) : (bytes[cut - 2] ?? 0);
    if (hi >= 0xd8 && hi <= 0xdb) cut -= 2;
  }
  return cut;
}

function firstReplacement(text: string): number {
  return text.indexOf('\uFFFD');
}
