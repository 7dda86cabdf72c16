import { describe, expect, it } from 'vitest';
import { parseFootballDataCsv } from './football-data-csv.js';
import { ukLocalTime } from './uk-local-time.js';

// A file in the published layout: the seven leading columns, then (ignored) statistics and odds.
const HEADER = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,Referee,HS,AS,B365H,B365D,B365A';
const clubs = new Map([
  ['man united', { externalId: 'eng-manchester-united', name: 'Manchester United' }],
  ['wolves', { externalId: 'eng-wolverhampton-wanderers', name: 'Wolverhampton Wanderers' }],
  ["nott'm forest", { externalId: 'eng-nottingham-forest', name: 'Nottingham Forest' }],
  ['spurs', { externalId: 'eng-tottenham-hotspur', name: 'Tottenham Hotspur' }],
]);
const resolveTeam = (name: string) => clubs.get(name.toLowerCase()) ?? null;
const parse = (...rows: string[]) => parseFootballDataCsv([HEADER, ...rows].join('\r\n'), resolveTeam);

describe('parseFootballDataCsv', () => {
  it('reads played and unplayed rows, dd/mm/yyyy and dd/mm/yy, ignoring the extra columns', () => {
    const { rows, errors } = parse(
      'E0,16/08/2025,15:00,Man United,Wolves,2,1,H,1,0,H,A Taylor,12,7,1.5,4.2,6',
      "E0,23/08/25,17:30,Wolves,Nott'm Forest,,,,,,,,,,2.1,3.3,3.4",
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        externalMatchId: 'fd-2025-08-16-eng-manchester-united-eng-wolverhampton-wanderers',
        startsAt: new Date('2025-08-16T14:00:00Z'),
        homeTeam: clubs.get('man united'),
        awayTeam: clubs.get('wolves'),
        competition: 'EPL',
        result: { homeGoals: 2, awayGoals: 1 },
      },
      expect.objectContaining({
        line: 3,
        externalMatchId: 'fd-2025-08-23-eng-wolverhampton-wanderers-eng-nottingham-forest',
        startsAt: new Date('2025-08-23T16:30:00Z'),
        result: null,
      }),
    ]);
  });

  it('reads UK time across the October clock change: summer time on Saturday, GMT on Sunday', () => {
    const { rows } = parse('E0,25/10/2025,15:00,Man United,Wolves,1,1', 'E0,26/10/2025,15:00,Wolves,Man United,0,0');
    expect(rows.map((row) => row.startsAt.toISOString())).toEqual(['2025-10-25T14:00:00.000Z', '2025-10-26T15:00:00.000Z']);
  });

  it('takes a postponed match (empty goals) as a fixture, and gives a later copy the same match id', () => {
    const before = parse('E0,01/11/2025,12:30,Spurs,Wolves,,').rows[0]!;
    const after = parse('E0,01/11/2025,12:30,Spurs,Wolves,3,0').rows[0]!;
    expect(before.result).toBeNull();
    expect(after.result).toEqual({ homeGoals: 3, awayGoals: 0 });
    expect(after.externalMatchId).toBe(before.externalMatchId);
  });

  it('names an unknown team and every other bad value on its line', () => {
    const { rows, errors } = parse(
      'E0,16/08/2025,15:00,Man Utd,Wolves,2,1',
      'E0,31/02/2025,15:00,Spurs,Wolves,2,1',
      'E0,2025-08-16,3pm,Spurs,Wolves,2,1',
      'E0,16/08/2025,15:00,Spurs,Spurs,2,',
      'E0,16/08/2025,15:00,Spurs,Wolves,31,0',
      'E0,16/08/2025,15:00,Spurs,Wolves,1,0',
      'E0,16/08/2025,20:00,Spurs,Wolves,1,0',
      'E0,16/08/2025,15:00',
    );
    expect(rows.map((row) => row.line)).toEqual([7]);
    expect(errors).toEqual([
      { line: 2, message: 'HomeTeam "Man Utd" is not a known team' },
      { line: 3, message: 'Date "31/02/2025" is not a real date' },
      { line: 4, message: 'Date "2025-08-16" is not a date written dd/mm/yyyy or dd/mm/yy' },
      { line: 4, message: 'Time "3pm" is not a UK time written HH:MM' },
      { line: 5, message: 'FTHG and FTAG must both be given for a played match, or both be empty for one not played yet' },
      { line: 5, message: 'HomeTeam and AwayTeam are the same club (Tottenham Hotspur)' },
      { line: 6, message: 'FTHG 31 is more than the maximum of 30' },
      { line: 8, message: 'externalMatchId "fd-2025-08-16-eng-tottenham-hotspur-eng-wolverhampton-wanderers" is already on line 7' },
      { line: 9, message: 'has 3 of 7 values: missing HomeTeam, AwayTeam, FTHG, FTAG' },
    ]);
  });

  it('refuses a header that does not begin with the published columns', () => {
    expect(parseFootballDataCsv('Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\n', resolveTeam).errors).toEqual([
      {
        line: 1,
        message: 'the header must begin with "Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG" but is "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG"',
      },
    ]);
  });

  it('reports a NUL character as a line error', () => {
    expect(parse('E0,16/08/2025,15:00,Spurs\0,Wolves,1,0').errors).toEqual([
      { line: 2, message: 'contains a NUL character, which no value may hold' },
    ]);
  });
});

describe('ukLocalTime', () => {
  it('uses the zone database for both changes: the repeated hour is read as summer time, the skipped one as winter time', () => {
    expect(ukLocalTime(2025, 10, 26, 1, 30).toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(ukLocalTime(2025, 10, 26, 2, 30).toISOString()).toBe('2025-10-26T02:30:00.000Z');
    expect(ukLocalTime(2026, 3, 29, 1, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(ukLocalTime(2026, 3, 29, 15, 0).toISOString()).toBe('2026-03-29T14:00:00.000Z');
    expect(ukLocalTime(2026, 1, 1, 20, 0).toISOString()).toBe('2026-01-01T20:00:00.000Z');
  });
});
