import { describe, expect, it } from 'vitest';
import { parseFixturesCsv } from './fixtures-csv.js';

const HEADER = 'externalMatchId,startsAt,homeTeam,awayTeam,competition';
const arsenal = { externalId: 'ARS', name: 'Arsenal', assetId: 'a-1' };
const chelsea = { externalId: 'CHE', name: 'Chelsea', assetId: 'a-2' };
const teams = new Map([
  ['Arsenal', arsenal],
  ['ARS', arsenal],
  ['Chelsea', chelsea],
  ['CHE', chelsea],
]);
const resolveTeam = (value: string) => teams.get(value) ?? null;

function parse(...rows: string[]) {
  return parseFixturesCsv([HEADER, ...rows].join('\n'), resolveTeam);
}

describe('parseFixturesCsv', () => {
  it('reads good rows, resolving teams by name or external id', () => {
    const { rows, errors } = parse('PL-1,2025-08-16T16:30:00+01:00,Arsenal,CHE,PL');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        externalMatchId: 'PL-1',
        startsAt: new Date('2025-08-16T15:30:00.000Z'),
        homeTeam: arsenal,
        awayTeam: chelsea,
        competition: 'PL',
      },
    ]);
  });

  it('reports a date that is not ISO 8601 with a zone, naming the column', () => {
    expect(parse('PL-1,2025-13-01,Arsenal,Chelsea,PL').errors).toEqual([
      { line: 2, message: 'startsAt "2025-13-01" is not an ISO 8601 date with a zone, such as 2025-08-16T15:00:00Z' },
    ]);
  });

  it('reports a date without a zone', () => {
    expect(parse('PL-1,2025-08-16T15:00:00,Arsenal,Chelsea,PL').errors).toEqual([
      { line: 2, message: 'startsAt "2025-08-16T15:00:00" has no zone: add Z or an offset such as +01:00' },
    ]);
  });

  it('reports an impossible date', () => {
    expect(parse('PL-1,2025-02-30T15:00:00Z,Arsenal,Chelsea,PL').errors).toEqual([
      { line: 2, message: 'startsAt "2025-02-30T15:00:00Z" is not a real date and time' },
    ]);
  });

  it('reports an unknown team', () => {
    expect(parse('PL-1,2025-08-16T15:00:00Z,Arsenel,Chelsea,PL').errors).toEqual([
      { line: 2, message: 'homeTeam "Arsenel" is not a known team' },
    ]);
  });

  it('reports a team playing itself, however it is named', () => {
    expect(parse('PL-1,2025-08-16T15:00:00Z,Arsenal,ARS,PL').errors).toEqual([
      { line: 2, message: 'homeTeam and awayTeam are the same team (Arsenal)' },
    ]);
  });

  it('reports a repeated match id with the line it first appeared on', () => {
    const { rows, errors } = parse('PL-1,2025-08-16T15:00:00Z,Arsenal,Chelsea,PL', 'PL-1,2025-08-23T15:00:00Z,Chelsea,Arsenal,PL');
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(errors).toEqual([{ line: 3, message: 'externalMatchId "PL-1" is already on line 2' }]);
  });

  it('reports each blank required value by column', () => {
    expect(parse(',2025-08-16T15:00:00Z,Arsenal, ,').errors).toEqual([
      { line: 2, message: 'externalMatchId is blank' },
      { line: 2, message: 'awayTeam is blank' },
      { line: 2, message: 'competition is blank' },
    ]);
  });

  it('reports every bad row of a file in line order, not just the first', () => {
    const { rows, errors } = parse(
      'PL-1,2025-08-16T15:00:00Z,Arsenal,Chelsea,PL',
      'PL-2,soon,Arsenal,Chelsea,PL',
      'PL-3,2025-08-16T15:00:00Z,Arsenal',
      'PL-4,2025-08-16T15:00:00Z,Spurs,Chelsea,PL',
      '',
    );
    expect(rows).toHaveLength(1);
    expect(errors.map((error) => error.line)).toEqual([3, 4, 5]);
  });
});
