import { RowReader } from './fields.js';
import { readTeam, type TeamRef } from './fixtures-csv.js';
import { STAT_LIMITS } from './limits.js';
import { checkUniqueMatch } from './row-checks.js';
import { parseCsv, type CsvFormat, type CsvParseResult } from './table.js';
import { ukLocalTime } from './uk-local-time.js';

/** The columns football-data.co.uk season files begin with (SPEC §9); the many that follow are ignored. */
export const FOOTBALL_DATA_COLUMNS = ['Div', 'Date', 'Time', 'HomeTeam', 'AwayTeam', 'FTHG', 'FTAG'] as const;

/** football-data.co.uk division codes with a catalogue competition of their own. */
const COMPETITION_OF_DIVISION: Readonly<Record<string, string>> = { E0: 'EPL' };

export interface SeasonRow<Team extends TeamRef = TeamRef> {
  line: number;
  externalMatchId: string;
  startsAt: Date;
  homeTeam: Team;
  awayTeam: Team;
  competition: string;
  /** Null for a match not played yet (empty goals). */
  result: { homeGoals: number; awayGoals: number } | null;
}

/**
 * A football-data.co.uk season file: every row a fixture, with its result once played. The match
 * id is the UK date and the two clubs' external ids, so a later copy of the file updates the
 * same fixtures.
 */
export function footballDataCsvFormat<Team extends TeamRef>(resolveTeam: (name: string) => Team | null): CsvFormat<SeasonRow<Team>> {
  const firstLineOfMatch = new Map<string, number>();
  return {
    columns: FOOTBALL_DATA_COLUMNS,
    prefix: true,
    read(row, errors) {
      const reader = new RowReader(row, FOOTBALL_DATA_COLUMNS, errors);
      const division = reader.text('Div');
      const date = readDate(reader);
      const time = readTime(reader);
      const homeTeam = readTeam(reader, 'HomeTeam', resolveTeam);
      const awayTeam = readTeam(reader, 'AwayTeam', resolveTeam);
      const result = readResult(reader);
      if (homeTeam && awayTeam && homeTeam.externalId === awayTeam.externalId) {
        reader.fail(`HomeTeam and AwayTeam are the same club (${homeTeam.name})`);
      }
      if (!reader.ok || !division || !date || !time || !homeTeam || !awayTeam || result === undefined) return undefined;
      const externalMatchId = seasonMatchId(date, homeTeam, awayTeam);
      checkUniqueMatch(reader, externalMatchId, firstLineOfMatch);
      if (!reader.ok) return undefined;
      return {
        line: row.line,
        externalMatchId,
        startsAt: ukLocalTime(date.year, date.month, date.day, time.hour, time.minute),
        homeTeam,
        awayTeam,
        competition: COMPETITION_OF_DIVISION[division] ?? division,
        result,
      };
    },
  };
}

export function parseFootballDataCsv<Team extends TeamRef>(
  text: string,
  resolveTeam: (name: string) => Team | null,
): CsvParseResult<SeasonRow<Team>> {
  return parseCsv(text, footballDataCsvFormat(resolveTeam));
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function seasonMatchId(date: CalendarDate, home: TeamRef, away: TeamRef): string {
  const iso = [String(date.year).padStart(4, '0'), String(date.month).padStart(2, '0'), String(date.day).padStart(2, '0')].join('-');
  return `fd-${iso}-${home.externalId}-${away.externalId}`;
}

function readDate(reader: RowReader): CalendarDate | undefined {
  const value = reader.text('Date');
  if (value === undefined) return undefined;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  if (!match) return reader.fail(`Date "${value}" is not a date written dd/mm/yyyy or dd/mm/yy`);
  const [day, month, written] = match.slice(1).map(Number) as [number, number, number];
  const year = written < 100 ? 2000 + written : written;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return reader.fail(`Date "${value}" is not a real date`);
  return { year, month, day };
}

function readTime(reader: RowReader): { hour: number; minute: number } | undefined {
  const value = reader.text('Time');
  if (value === undefined) return undefined;
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  const [hour, minute] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(hour <= 23 && minute <= 59)) return reader.fail(`Time "${value}" is not a UK time written HH:MM`);
  return { hour, minute };
}

/** Both goals, or neither for a match not played yet; undefined after recording an error. */
function readResult(reader: RowReader): SeasonRow['result'] | undefined {
  const home = reader.raw('FTHG');
  const away = reader.raw('FTAG');
  if (home === '' && away === '') return null;
  if (home === '' || away === '') {
    return reader.fail(`FTHG and FTAG must both be given for a played match, or both be empty for one not played yet`);
  }
  const homeGoals = reader.count('FTHG', STAT_LIMITS.goals);
  const awayGoals = reader.count('FTAG', STAT_LIMITS.goals);
  return homeGoals === undefined || awayGoals === undefined ? undefined : { homeGoals, awayGoals };
}
