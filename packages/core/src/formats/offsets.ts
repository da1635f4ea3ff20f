/** Convert offsets between UTF-16 code units (claimlens) and Unicode code points (brat, W3C TextPositionSelector). */
export interface OffsetConverter {
  toCodePoint(utf16: number): number;
  toUtf16(codePoint: number): number;
}

/** A converter for one text; the identity when the text has no characters outside the Basic Multilingual Plane. */
export function offsetConverter(text: string): OffsetConverter {
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i);
        i++;
      }
    }
  }
  if (astral.length === 0) return { toCodePoint: (n) => n, toUtf16: (n) => n };
  return {
    toCodePoint(utf16) {
      let before = 0;
      for (const at of astral) if (at + 1 < utf16) before++;
      return utf16 - before;
    },
    toUtf16(codePoint) {
      let offset = codePoint;
      for (const at of astral) if (at < offset) offset++;
      return offset;
    },
  };
}
