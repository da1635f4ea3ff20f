import { decodeText } from '@claimlens/core';
import { describe, expect, it } from 'vitest';

const text = 'Kyiv said “no” — 300 troops 🙂 crossed.\r\nNext line.';

describe('decodeText', () => {
  it('decodes UTF-8 without and with a byte order mark, not counting the mark', () => {
    expect(decodeText(Buffer.from(text))).toMatchObject({ text, encoding: 'utf-8', bom: false, messages: [] });
    const withBom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(withBom).toMatchObject({ text, encoding: 'utf-8', bom: true, messages: [] });
  });

  it('decodes UTF-16 LE and BE with a byte order mark', () => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(le)).toMatchObject({ text, encoding: 'utf-16le', messages: [] });
    expect(decodeText(be)).toMatchObject({ text, encoding: 'utf-16be', messages: [] });
  });

  it('replaces invalid UTF-8 with U+FFFD and warns where the first bad byte landed', () => {
    const decoded = decodeText(Buffer.concat([Buffer.from('ab'), Buffer.from([0xff]), Buffer.from('cd — ef')]));
    expect(decoded.text).toBe('ab\uFFFDcd — ef');
    expect(decoded.messages).toEqual([
      expect.objectContaining({ code: 'read/invalid-utf8', severity: 'warning', start: 2, end: 3 }),
    ]);
  });

  it('reads a file with no UTF-8 character in it as Windows-1252, and says so', () => {
    const decoded = decodeText(Buffer.from('Caf\xe9 owners said \x93prices rose\x94.', 'latin1'));
    expect(decoded).toMatchObject({ text: 'Café owners said “prices rose”.', encoding: 'windows-1252' });
    expect(decoded.messages).toEqual([expect.objectContaining({ code: 'read/legacy-encoding', severity: 'warning' })]);
    // one UTF-8 character makes it UTF-8 with a bad byte, not a legacy file
    const broken = decodeText(Buffer.concat([Buffer.from('“ok” '), Buffer.from([0xe9]), Buffer.from(' x')]));
    expect(broken).toMatchObject({ text: '“ok” \uFFFD x', encoding: 'utf-8' });
    expect(broken.messages[0]?.code).toBe('read/invalid-utf8');
  });

  it('skips binary files by NUL bytes and by magic number, with a one-line reason', () => {
    const nul = decodeText(Buffer.from('text\u0000more'));
    expect(nul.text).toBeNull();
    expect(nul.messages[0]?.code).toBe('read/binary');
    const pdf = decodeText(Buffer.from('%PDF-1.7\n%âãÏÓ\n'));
    expect(pdf.text).toBeNull();
    expect(pdf.messages[0]?.reason).toBe('The file is a PDF document, not text; skipped.');
    const png = decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
    expect(png.messages[0]?.reason).toMatch(/PNG image/);
    for (const m of [...nul.messages, ...pdf.messages, ...png.messages]) expect(m.reason).not.toContain('\n');
  });

  it('gives an empty text for an empty file', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({
      text: '',
      messages: [{ code: 'read/empty', severity: 'info' }],
    });
  });

  it('cuts a large file at the limit without splitting a character, and says so', () => {
    const bytes = Buffer.from('aé🙂b'); // a(1) é(2) 🙂(4) b(1)
    for (let limit = 0; limit <= bytes.length; limit++) {
      const decoded = decodeText(bytes, limit);
      expect('aé🙂b'.startsWith(decoded.text ?? 'none')).toBe(true);
      expect(decoded.text).not.toContain('\uFFFD');
      if (limit < bytes.length) expect(decoded.messages.map((m) => m.code)).toEqual(['read/too-large']);
    }
    expect(decodeText(bytes, 4).text).toBe('aé');
    const le = Buffer.from('\uFEFFa🙂b', 'utf16le');
    expect(decodeText(le, 4).text).toBe('a');
    expect(decodeText(le, 6).text).toBe('a🙂');
  });

  it('throws for a programmer error: not bytes', () => {
    expect(() => decodeText('text' as unknown as Uint8Array)).toThrow(/Expected a Uint8Array/);
  });
});
