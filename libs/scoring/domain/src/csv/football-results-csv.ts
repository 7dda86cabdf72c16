import { RowReader } from './fields.js';
import { STAT_LIMITS } from './limits.js';
import { checkUniqueMatch, readMatchId, type MatchCsvOptions } from './row-checks.js';
import { parseCsv, type CsvFormat, type CsvParseResult } from './table.js';

export const FOOTBALL_RESULT_COLUMNS = ['externalMatchId', 'homeGoals', 'awayGoals'] as const;

export interface FootballResultRow {
  line: number;
  externalMatchId: string;
  homeGoals: number;
  awayGoals: number;
}

export function footballResultsCsvFormat(options: MatchCsvOptions = {}): CsvFormat<FootballResultRow> {
  const firstLineOfMatch = new Map<string, number>();
  return {
    columns: FOOTBALL_RESULT_COLUMNS,
    read(row, errors) {
      const reader = new RowReader(row, FOOTBALL_RESULT_COLUMNS, errors);
      const externalMatchId = readMatchId(reader, options);
      if (externalMatchId !== undefined) checkUniqueMatch(reader, externalMatchId, firstLineOfMatch);
      const homeGoals = reader.count('homeGoals', STAT_LIMITS.goals);
      const awayGoals = reader.count('awayGoals', STAT_LIMITS.goals);
      if (reader.ok && externalMatchId !== undefined && homeGoals !== undefined && awayGoals !== undefined) {
        return { line: row.line, externalMatchId, homeGoals, awayGoals };
      }
      return undefined;
    },
  };
}

export function parseFootballResultsCsv(text: string, options: MatchCsvOptions = {}): CsvParseResult<FootballResultRow> {
  return parseCsv(text, footballResultsCsvFormat(options));
}
