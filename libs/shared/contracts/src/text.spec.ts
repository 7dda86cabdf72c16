import { describe, expect, it } from 'vitest';
import { isAcceptedText, plainText, seqCursor, text } from './text.js';

describe('text we accept', () => {
  it.each(['\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066', '\ud800', '\udc00'])('refuses %j', (c) => {
    expect(isAcceptedText(`a${c}b`)).toBe(false);
    expect(text({ max: 10 }).safeParse(`a${c}b`).success).toBe(false);
  });

  it('accepts any script, emoji (surrogate pairs) and typographic punctuation', () => {
    expect(text({ max: 60 }).parse('Bodø/Glimt ⚽ 東京 “x” — ü')).toBe('Bodø/Glimt ⚽ 東京 “x” — ü');
  });

  it('trims before checking the length when asked', () => {
    expect(text({ min: 1, max: 3, trim: true }).parse('  abc  ')).toBe('abc');
    expect(text({ min: 1, max: 3, trim: true }).safeParse('   ').success).toBe(false);
  });

  it('turns stored text into one plain line', () => {
    expect(plainText('Club\r\nBcc: spy@evil.test\u0000 \u202eX')).toBe('Club Bcc: spy@evil.test X');
  });

  it('reads sequence cursors within a PostgreSQL integer only', () => {
    expect(seqCursor.parse('2147483647')).toBe(2147483647);
    for (const bad of ['2147483648', '99999999999', '-1', '1e3', '', ' 1']) expect(seqCursor.safeParse(bad).success).toBe(false);
  });
});
