import { RowReader } from './fields.js';
import { byLine, checkUniqueMatch } from './row-checks.js';
import { readCsvTable, type CsvParseResult } from './table.js';

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
export function parseFixturesCsv<Team extends TeamRef>(
  text: string,
  resolveTeam: (nameOrShortOrExternalId: string) => Team | null,
): CsvParseResult<FixtureRow<Team>> {
  const table = readCsvTable(text, FIXTURE_COLUMNS);
  const errors = [...table.errors];
  const firstLineOfMatch = new Map<string, number>();
  const rows: Array<FixtureRow<Team>> = [];
  for (const row of table.rows) {
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
      rows.push({ line: row.line, externalMatchId, startsAt, homeTeam, awayTeam, competition });
    }
  }
  return { rows, errors: byLine(errors) };
}

function readTeam<Team>(reader: RowReader, column: string, resolveTeam: (name: string) => Team | null): Team | undefined {
  const value = reader.text(column);
  if (value === undefined) return undefined;
  return resolveTeam(value) ?? reader.fail(`${column} "${value}" is not a known team`);
}
