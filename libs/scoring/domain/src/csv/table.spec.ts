import { describe, expect, it } from 'vitest';
import { formatCsvError, readCsvTable } from './table.js';

const columns = ['externalMatchId', 'homeGoals', 'awayGoals'];

describe('readCsvTable', () => {
  it('reads rows with their line numbers, the header being line 1', () => {
    const { rows, errors } = readCsvTable('externalMatchId,homeGoals,awayGoals\nM1,2,1\nM2,0,0\n', columns);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, cells: ['M1', '2', '1'] },
      { line: 3, cells: ['M2', '0', '0'] },
    ]);
  });

  it('accepts a UTF-8 BOM and CRLF line ends', () => {
    const { rows, errors } = readCsvTable('\uFEFFexternalMatchId,homeGoals,awayGoals\r\nM1,2,1\r\n', columns);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 2, cells: ['M1', '2', '1'] }]);
  });

  it('trims values and reads quoted values, commas included', () => {
    const { rows } = readCsvTable('externalMatchId,homeGoals,awayGoals\n "M,1" , 2 ,"1"\n', columns);
    expect(rows).toEqual([{ line: 2, cells: ['M,1', '2', '1'] }]);
  });

  it('ignores blank lines, trailing or not, and lines of empty values, keeping line numbers', () => {
    const text = 'externalMatchId,homeGoals,awayGoals\n\nM1,2,1\n  \n,,\nM2,0,0\n\n\n';
    const { rows, errors } = readCsvTable(text, columns);
    expect(errors).toEqual([]);
    expect(rows.map((row) => row.line)).toEqual([3, 6]);
  });

  it('reports a wrong header on line 1 and reads no further', () => {
    const { rows, errors } = readCsvTable('matchId,homeGoals,awayGoals\nM1,x,y\n', columns);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      {
        line: 1,
        message: 'the header must be exactly "externalMatchId,homeGoals,awayGoals" but is "matchId,homeGoals,awayGoals"',
      },
    ]);
  });

  it('reports columns in the wrong order as a wrong header', () => {
    const { errors } = readCsvTable('externalMatchId,awayGoals,homeGoals\n', columns);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(1);
  });

  it('reports an empty file as a missing header', () => {
    expect(readCsvTable('', columns).errors).toEqual([
      { line: 1, message: 'the first line must be the header "externalMatchId,homeGoals,awayGoals"' },
    ]);
  });

  it('accepts a file with only the header', () => {
    expect(readCsvTable('externalMatchId,homeGoals,awayGoals\r\n', columns)).toEqual({ rows: [], errors: [] });
  });

  it('reports every row with missing or extra values, and keeps the good rows', () => {
    const text = 'externalMatchId,homeGoals,awayGoals\nM1,2\nM2,1,1\nM3,1,1,9,9\nM4\n';
    const { rows, errors } = readCsvTable(text, columns);
    expect(rows.map((row) => row.line)).toEqual([3]);
    expect(errors).toEqual([
      { line: 2, message: 'has 2 of 3 values: missing awayGoals' },
      { line: 4, message: 'has 5 values but the header has 3 columns (2 extra)' },
      { line: 5, message: 'has 1 of 3 values: missing homeGoals, awayGoals' },
    ]);
  });

  it('reports broken quoting on its own line without losing the lines after it', () => {
    const text = 'externalMatchId,homeGoals,awayGoals\n"M1,2,1\nM2,"1"x,1\nM3,1,1\n';
    const { rows, errors } = readCsvTable(text, columns);
    expect(rows).toEqual([{ line: 4, cells: ['M3', '1', '1'] }]);
    expect(errors.map((error) => error.line)).toEqual([2, 3]);
    expect(errors[0]?.message).toBe('is not valid CSV: a quoted value is not closed properly');
  });
});

describe('formatCsvError', () => {
  it('prefixes the line number', () => {
    expect(formatCsvError({ line: 4, message: 'homeGoals is blank' })).toBe('line 4: homeGoals is blank');
  });
});
