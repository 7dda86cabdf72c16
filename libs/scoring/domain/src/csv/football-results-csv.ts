import { RowReader } from './fields.js';
import { STAT_LIMITS } from './limits.js';
import { byLine, checkUniqueMatch, readMatchId, type MatchCsvOptions } from './row-checks.js';
import { readCsvTable, type CsvParseResult } from './table.js';

export const FOOTBALL_RESULT_COLUMNS = ['externalMatchId', 'homeGoals', 'awayGoals'] as const;

export interface FootballResultRow {
  line: number;
  externalMatchId: string;
  homeGoals: number;
  awayGoals: number;
}

export function parseFootballResultsCsv(text: string, options: MatchCsvOptions = {}): CsvParseResult<FootballResultRow> {
  const table = readCsvTable(text, FOOTBALL_RESULT_COLUMNS);
  const errors = [...table.errors];
  const firstLineOfMatch = new Map<string, number>();
  const rows: FootballResultRow[] = [];
  for (const row of table.rows) {
    const reader = new RowReader(row, FOOTBALL_RESULT_COLUMNS, errors);
    const externalMatchId = readMatchId(reader, options);
    if (externalMatchId !== undefined) checkUniqueMatch(reader, externalMatchId, firstLineOfMatch);
    const homeGoals = reader.count('homeGoals', STAT_LIMITS.goals);
    const awayGoals = reader.count('awayGoals', STAT_LIMITS.goals);
    if (reader.ok && externalMatchId !== undefined && homeGoals !== undefined && awayGoals !== undefined) {
      rows.push({ line: row.line, externalMatchId, homeGoals, awayGoals });
    }
  }
  return { rows, errors: byLine(errors) };
}
