import { RowReader } from './fields.js';
import { STAT_LIMITS } from './limits.js';
import { byLine, checkFirstOccurrence, readMatchId, type MatchCsvOptions } from './row-checks.js';
import { readCsvTable, type CsvParseResult } from './table.js';

export const CRICKET_STAT_COLUMNS = [
  'externalMatchId',
  'playerExternalId',
  'runs',
  'wickets',
  'catches',
  'stumpings',
  'runOuts',
] as const;

export interface CricketStatRow<Player = unknown> {
  line: number;
  externalMatchId: string;
  playerExternalId: string;
  player: Player;
  runs: number;
  wickets: number;
  catches: number;
  stumpings: number;
  runOuts: number;
}

type Counts = Pick<CricketStatRow, 'runs' | 'wickets' | 'catches' | 'stumpings' | 'runOuts'>;

export function parseCricketStatsCsv<Player>(
  text: string,
  resolvePlayer: (externalId: string) => Player | null,
  options: MatchCsvOptions = {},
): CsvParseResult<CricketStatRow<Player>> {
  const table = readCsvTable(text, CRICKET_STAT_COLUMNS);
  const errors = [...table.errors];
  const firstLineOfEntry = new Map<string, number>();
  const rows: Array<CricketStatRow<Player>> = [];
  for (const row of table.rows) {
    const reader = new RowReader(row, CRICKET_STAT_COLUMNS, errors);
    const externalMatchId = readMatchId(reader, options);
    const playerExternalId = reader.text('playerExternalId');
    const player = playerExternalId === undefined ? undefined : readPlayer(reader, playerExternalId, resolvePlayer);
    if (externalMatchId !== undefined && playerExternalId !== undefined) {
      checkUniqueEntry(reader, externalMatchId, playerExternalId, firstLineOfEntry);
    }
    const counts = readCounts(reader);
    if (reader.ok && externalMatchId !== undefined && playerExternalId !== undefined && player !== undefined && counts) {
      rows.push({ line: row.line, externalMatchId, playerExternalId, player, ...counts });
    }
  }
  return { rows, errors: byLine(errors) };
}

function readPlayer<Player>(
  reader: RowReader,
  externalId: string,
  resolvePlayer: (externalId: string) => Player | null,
): Player | undefined {
  return resolvePlayer(externalId) ?? reader.fail(`playerExternalId "${externalId}" is not a known player`);
}

function checkUniqueEntry(reader: RowReader, matchId: string, playerId: string, firstLineOf: Map<string, number>): void {
  // JSON keeps the pair unambiguous whatever characters the ids contain.
  checkFirstOccurrence(reader, JSON.stringify([matchId, playerId]), firstLineOf, (firstLine) => {
    return `player "${playerId}" already has a row for match "${matchId}" on line ${firstLine}`;
  });
}

function readCounts(reader: RowReader): Counts | undefined {
  const counts = {
    runs: reader.count('runs', STAT_LIMITS.runs),
    wickets: reader.count('wickets', STAT_LIMITS.wickets),
    catches: reader.count('catches', STAT_LIMITS.catches),
    stumpings: reader.count('stumpings', STAT_LIMITS.stumpings),
    runOuts: reader.count('runOuts', STAT_LIMITS.runOuts),
  };
  const { runs, wickets, catches, stumpings, runOuts } = counts;
  if (runs === undefined || wickets === undefined || catches === undefined || stumpings === undefined || runOuts === undefined) {
    return undefined;
  }
  return { runs, wickets, catches, stumpings, runOuts };
}
