import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './csv-export.js';

describe('csv exports', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Brighton & Hove Albion')).toBe('Brighton & Hove Albion');
    expect(csvCell('Smith, J')).toBe('"Smith, J"');
    expect(csvCell('The "Gunners"')).toBe('"The ""Gunners"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses every formula lead of a text, but writes negative numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${lead}1`).replace(/^"|"$/g, '').startsWith(`'${lead}`)).toBe(true);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-5)).toBe('-5');
  });

  it('ends every row with CRLF, the last one too', () => {
    expect(
      csvDocument([
        ['a', 'b'],
        [1, 'x,y'],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
