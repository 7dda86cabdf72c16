import { describe, expect, it } from 'vitest';
import { parseFootballResultsCsv } from './football-results-csv.js';

const HEADER = 'externalMatchId,homeGoals,awayGoals';

function parse(rows: string[], isKnownMatch?: (id: string) => boolean) {
  return parseFootballResultsCsv([HEADER, ...rows].join('\r\n'), { isKnownMatch });
}

describe('parseFootballResultsCsv', () => {
  it('reads good rows', () => {
    expect(parse(['PL-1,2,1', 'PL-2,0,0'])).toEqual({
      rows: [
        { line: 2, externalMatchId: 'PL-1', homeGoals: 2, awayGoals: 1 },
        { line: 3, externalMatchId: 'PL-2', homeGoals: 0, awayGoals: 0 },
      ],
      errors: [],
    });
  });

  it.each([
    ['PL-1,-1,0', 'homeGoals "-1" is negative'],
    ['PL-1,1.5,0', 'homeGoals "1.5" is not a whole number'],
    ['PL-1,two,0', 'homeGoals "two" is not a whole number'],
    ['PL-1,2,31', 'awayGoals 31 is more than the maximum of 30'],
    ['PL-1,,0', 'homeGoals is blank'],
  ])('reports %s', (row, message) => {
    expect(parse([row]).errors).toEqual([{ line: 2, message }]);
  });

  it('accepts the maximum', () => {
    expect(parse(['PL-1,30,0']).errors).toEqual([]);
  });

  it('reports a repeated match id', () => {
    expect(parse(['PL-1,2,1', 'PL-1,2,2']).errors).toEqual([{ line: 3, message: 'externalMatchId "PL-1" is already on line 2' }]);
  });

  it('reports a match that is not a fixture when the caller can tell', () => {
    const { rows, errors } = parse(['PL-1,2,1', 'PL-9,0,0'], (id) => id === 'PL-1');
    expect(rows.map((row) => row.externalMatchId)).toEqual(['PL-1']);
    expect(errors).toEqual([{ line: 3, message: 'externalMatchId "PL-9" is not a fixture of this league' }]);
  });

  it('reports several problems of one row and of several rows', () => {
    expect(parse(['PL-1,x,-2', 'PL-2,1,1', 'PL-3,99', 'PL-4,1,1']).errors).toEqual([
      { line: 2, message: 'homeGoals "x" is not a whole number' },
      { line: 2, message: 'awayGoals "-2" is negative' },
      { line: 4, message: 'has 2 of 3 values: missing awayGoals' },
    ]);
  });

  it('reports a wrong header and nothing else', () => {
    const result = parseFootballResultsCsv('externalMatchId,home,away\nPL-1,x,y', {});
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(1);
  });
});
