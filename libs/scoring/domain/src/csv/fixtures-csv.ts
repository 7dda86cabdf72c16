import { RowReader } from './fields.js';
import { checkUniqueMatch } from './row-checks.js';
import { parseCsv, type CsvFormat, type CsvParseResult } from './table.js';

export const FIXTURE_COLUMNS = ['externalMatchId', 'startsAt', 'homeTeam', 'awayTeam', 'competition'] as const;

export interface TeamRef {
  externalId: string;
  name: string;
}

export interface FixtureRow<Team extends TeamRef = TeamRef> {
  line: number;
  externalMatchId: string;
  startsAt: Date;
  homeTeam: Team;
  awayTeam: Team;
  competition: string;
}

/** Teams are named by name, short name or external id; `resolveTeam` knows which exist. */
export function fixturesCsvFormat<Team extends TeamRef>(
  resolveTeam: (nameOrShortOrExternalId: string) => Team | null,
): CsvFormat<FixtureRow<Team>> {
  const firstLineOfMatch = new Map<string, number>();
  return {
    columns: FIXTURE_COLUMNS,
    read(row, errors) {
      const reader = new RowReader(row, FIXTURE_COLUMNS, errors);
      const externalMatchId = reader.text('externalMatchId');
      if (externalMatchId !== undefined) checkUniqueMatch(reader, externalMatchId, firstLineOfMatch);
      const startsAt = reader.dateTime('startsAt');
      const homeTeam = readTeam(reader, 'homeTeam', resolveTeam);
      const awayTeam = readTeam(reader, 'awayTeam', resolveTeam);
      const competition = reader.text('competition');
      if (homeTeam && awayTeam && homeTeam.externalId === awayTeam.externalId) {
        reader.fail(`homeTeam and awayTeam are the same team (${homeTeam.name})`);
      }
      if (reader.ok && externalMatchId && startsAt && homeTeam && awayTeam && competition) {
        return { line: row.line, externalMatchId, startsAt, homeTeam, awayTeam, competition };
      }
      return undefined;
    },
  };
}

export function parseFixturesCsv<Team extends TeamRef>(
  text: string,
  resolveTeam: (nameOrShortOrExternalId: string) => Team | null,
): CsvParseResult<FixtureRow<Team>> {
  return parseCsv(text, fixturesCsvFormat(resolveTeam));
}

export function readTeam<Team>(reader: RowReader, column: string, resolveTeam: (name: string) => Team | null): Team | undefined {
  const value = reader.text(column);
  if (value === undefined) return undefined;
  return resolveTeam(value) ?? reader.fail(`${column} "${value}" is not a known team`);
}
