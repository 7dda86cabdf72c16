import { describe, expect, it } from 'vitest';
import { parseCricketStatsCsv } from './cricket-stats-csv.js';

const HEADER = 'externalMatchId,playerExternalId,runs,wickets,catches,stumpings,runOuts';
const players = new Map([
  ['nz-williamson', { assetId: 'a-1', name: 'Kane Williamson' }],
  ['eng-buttler', { assetId: 'a-2', name: 'Jos Buttler' }],
]);
const resolvePlayer = (externalId: string) => players.get(externalId) ?? null;

function parse(...rows: string[]) {
  return parseCricketStatsCsv(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, resolvePlayer);
}

describe('parseCricketStatsCsv', () => {
  it('reads good rows with the resolved player', () => {
    const { rows, errors } = parse('ODI-1,nz-williamson,88,0,1,0,0', 'ODI-1,eng-buttler,41,0,2,1,1');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        externalMatchId: 'ODI-1',
        playerExternalId: 'nz-williamson',
        player: { assetId: 'a-1', name: 'Kane Williamson' },
        runs: 88,
        wickets: 0,
        catches: 1,
        stumpings: 0,
        runOuts: 0,
      },
      {
        line: 3,
        externalMatchId: 'ODI-1',
        playerExternalId: 'eng-buttler',
        player: { assetId: 'a-2', name: 'Jos Buttler' },
        runs: 41,
        wickets: 0,
        catches: 2,
        stumpings: 1,
        runOuts: 1,
      },
    ]);
  });

  it('reports an unknown player', () => {
    expect(parse('ODI-1,nz-nobody,1,0,0,0,0').errors).toEqual([{ line: 2, message: 'playerExternalId "nz-nobody" is not a known player' }]);
  });

  it('reports the same player twice in one match, but not in two matches', () => {
    const { rows, errors } = parse('ODI-1,eng-buttler,1,0,0,0,0', 'ODI-2,eng-buttler,5,0,0,0,0', 'ODI-1,eng-buttler,9,0,0,0,0');
    expect(rows.map((row) => row.line)).toEqual([2, 3]);
    expect(errors).toEqual([{ line: 4, message: 'player "eng-buttler" already has a row for match "ODI-1" on line 2' }]);
  });

  it.each([
    ['runs', 'ODI-1,eng-buttler,401,0,0,0,0', 'runs 401 is more than the maximum of 400'],
    ['wickets', 'ODI-1,eng-buttler,0,11,0,0,0', 'wickets 11 is more than the maximum of 10'],
    ['catches', 'ODI-1,eng-buttler,0,0,16,0,0', 'catches 16 is more than the maximum of 15'],
    ['stumpings', 'ODI-1,eng-buttler,0,0,0,11,0', 'stumpings 11 is more than the maximum of 10'],
    ['runOuts', 'ODI-1,eng-buttler,0,0,0,0,11', 'runOuts 11 is more than the maximum of 10'],
  ])('reports absurd %s', (_column, row, message) => {
    expect(parse(row).errors).toEqual([{ line: 2, message }]);
  });

  it('accepts every maximum', () => {
    expect(parse('ODI-1,eng-buttler,400,10,15,10,10').errors).toEqual([]);
  });

  it('reports negative and fractional numbers by column', () => {
    expect(parse('ODI-1,eng-buttler,-4,0.5,0,0,0').errors).toEqual([
      { line: 2, message: 'runs "-4" is negative' },
      { line: 2, message: 'wickets "0.5" is not a whole number' },
    ]);
  });

  it('reports a match that is not a fixture when the caller can tell', () => {
    const text = `${HEADER}\nODI-7,eng-buttler,1,0,0,0,0\n`;
    const { errors } = parseCricketStatsCsv(text, resolvePlayer, { isKnownMatch: () => false });
    expect(errors).toEqual([{ line: 2, message: 'externalMatchId "ODI-7" is not a fixture of this league' }]);
  });

  it('reports every bad row, in line order', () => {
    const { rows, errors } = parse(
      'ODI-1,eng-buttler,1,0,0,0,0',
      'ODI-1,,1,0,0,0,0',
      'ODI-1,nz-williamson,1,0,0,0',
      'ODI-1,nz-williamson,1,0,0,0,0,0',
      'ODI-1,nz-williamson,x,0,0,0,0',
    );
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([
      { line: 3, message: 'playerExternalId is blank' },
      { line: 4, message: 'has 6 of 7 values: missing runOuts' },
      { line: 5, message: 'has 8 values but the header has 7 columns (1 extra)' },
      { line: 6, message: 'runs "x" is not a whole number' },
    ]);
  });
});
