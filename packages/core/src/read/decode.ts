import type { Message } from '../message.js';

export interface Decoded {
  /** The text, without a byte order mark; null when the bytes are not text. */
  text: string | null;
  /** `windows-1252` when the bytes are not UTF-8 and hold no UTF-8 character at all (a Latin-1 or Windows file). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
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
 * Decode a file's bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM. Bytes that are not UTF-8 and hold
 * no UTF-8 character are read as Windows-1252, with a warning; other invalid UTF-8 is decoded with
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
    if (encoding === 'utf-8' && !bom && !hasUtf8Character(body)) {
      // Not one UTF-8 character in it: a file saved in a legacy single-byte encoding ("Caf\xe9"). Windows-1252
      // reads Latin-1 and its typographic quotes back, one character per byte, so nothing is lost.
      messages.push({
        code: 'read/legacy-encoding',
        severity: 'warning',
        reason: 'The file is not UTF-8; it was read as Windows-1252 (Latin-1). Save it as UTF-8 if letters look wrong.',
      });
      return { text: windows1252(body), encoding: 'windows-1252', bom, truncated, messages };
    }
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

/** Windows-1252's characters for bytes 0x80-0x9F (the rest is Latin-1); the five bytes it leaves out stay as they are. */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decode Windows-1252 (Node 20's TextDecoder reads that label as plain Latin-1). */
function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) =>
      b >= 0x80 && b < 0xa0 ? (windows1252High[b - 0x80] as number) : b,
    );
    text += String.fromCharCode(...chunk);
  }
  return text;
}

/** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
function hasUtf8Character(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] as number;
    if (lead < 0xc2 || lead > 0xf4) continue;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    let ok = i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
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
