import { describe, expect, it } from 'vitest';
import { INVITATIONS_CSV_MAX_ROWS, parseInvitationsCsv } from './invitations-csv.js';

describe('parseInvitationsCsv', () => {
  it('reads one normalised address per line, numbering the header as line 1', () => {
    const result = parseInvitationsCsv('email\n  Ann@Club.ORG \nbob@club.org\n');
    expect(result).toEqual({
      rows: [
        { line: 2, email: 'ann@club.org' },
        { line: 3, email: 'bob@club.org' },
      ],
      errors: [],
    });
  });

  it('accepts a byte-order mark, CRLF line ends, quotes and a header in any case', () => {
    const result = parseInvitationsCsv('\uFEFF  Email \r\n"ann@club.org"\r\nbob@club.org');
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.email)).toEqual(['ann@club.org', 'bob@club.org']);
  });

  it('skips blank lines but keeps the line numbers of the file', () => {
    const result = parseInvitationsCsv('email\n\nann@club.org\n   \n\r\nbob@club.org\n,,\n');
    expect(result.rows).toEqual([
      { line: 3, email: 'ann@club.org' },
      { line: 6, email: 'bob@club.org' },
    ]);
  });

  it('tolerates trailing empty cells that spreadsheets add', () => {
    expect(parseInvitationsCsv('email,\nann@club.org,,\n').rows).toEqual([{ line: 2, email: 'ann@club.org' }]);
  });

  it('reports every invalid address with its line', () => {
    const result = parseInvitationsCsv('email\nann@club.org\nnot-an-email\n\nbob@\n');
    expect(result.rows).toEqual([{ line: 2, email: 'ann@club.org' }]);
    expect(result.errors).toEqual([
      { line: 3, message: '"not-an-email" is not a valid email address.' },
      { line: 5, message: '"bob@" is not a valid email address.' },
    ]);
  });

  it('reports a repeated address on its later line, even in another case', () => {
    const result = parseInvitationsCsv('email\nann@club.org\nbob@club.org\nANN@club.org\n');
    expect(result.rows.map((row) => row.line)).toEqual([2, 3]);
    expect(result.errors).toEqual([{ line: 4, message: 'ann@club.org is already on line 2.' }]);
  });

  it('reports lines with several values or broken quotes', () => {
    const result = parseInvitationsCsv('email\nann@club.org,bob@club.org\n"carl@club.org\n');
    expect(result.errors).toEqual([
      { line: 2, message: 'Put one email address per line; this line has 2 values.' },
      { line: 3, message: 'This line is not valid CSV: check its quote marks.' },
    ]);
  });

  it('requires the header to be exactly "email"', () => {
    for (const text of ['e-mail\nann@club.org\n', 'name,email\nAnn,ann@club.org\n', 'ann@club.org\nbob@club.org\n']) {
      const result = parseInvitationsCsv(text);
      expect(result.rows, text).toEqual([]);
      expect(result.errors, text).toEqual([{ line: 1, message: expect.stringContaining('must be the header "email"') }]);
    }
  });

  it('reports an empty file and a file with only the header', () => {
    expect(parseInvitationsCsv('\uFEFF\r\n').errors).toEqual([{ line: 1, message: expect.stringContaining('The file is empty') }]);
    expect(parseInvitationsCsv('email\n').errors).toEqual([{ line: 2, message: 'The file has no email addresses after the header.' }]);
  });

  it('accepts exactly 500 addresses', () => {
    const result = parseInvitationsCsv(addresses(INVITATIONS_CSV_MAX_ROWS));
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(500);
    expect(result.rows.at(-1)).toEqual({ line: 501, email: 'member500@club.org' });
  });

  it('rejects a file of more than 500 addresses at the first one too many', () => {
    const result = parseInvitationsCsv(addresses(INVITATIONS_CSV_MAX_ROWS + 20));
    expect(result.errors).toEqual([{ line: 502, message: expect.stringContaining('at most 500 people') }]);
  });
});

function addresses(count: number): string {
  const lines = Array.from({ length: count }, (_, index) => `member${index + 1}@club.org`);
  return ['email', ...lines].join('\n');
}
