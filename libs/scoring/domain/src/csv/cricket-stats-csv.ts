import { RowReader } from './fields.js';
import { STAT_LIMITS } from './limits.js';
import { checkFirstOccurrence, readMatchId, type MatchCsvOptions } from './row-checks.js';
import { parseCsv, type CsvFormat, type CsvParseResult } from './table.js';

export const CRICKET_STAT_COLUMNS = ['externalMatchId', 'playerExternalId', 'runs', 'wickets', 'catches', 'stumpings', 'runOuts'] as const;

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

/** A name that fits more than one player; `candidates` describe each, e.g. "Jamie Smith (eng-jamie-smith)". */
export class AmbiguousName {
  constructor(readonly candidates: readonly string[]) {}
}

/** Finds a player by external id or name: the player, null for nobody, or the players a name fits. */
export type PlayerLookup<Player> = (externalIdOrName: string) => Player | null | AmbiguousName;

type Counts = Pick<CricketStatRow, 'runs' | 'wickets' | 'catches' | 'stumpings' | 'runOuts'>;

export function cricketStatsCsvFormat<Player>(
  resolvePlayer: PlayerLookup<Player>,
  options: MatchCsvOptions = {},
): CsvFormat<CricketStatRow<Player>> {
  const firstLineOfEntry = new Map<string, number>();
  return {
    columns: CRICKET_STAT_COLUMNS,
    read(row, errors) {
      const reader = new RowReader(row, CRICKET_STAT_COLUMNS, errors);
      const externalMatchId = readMatchId(reader, options);
      const playerExternalId = reader.text('playerExternalId');
      const player = playerExternalId === undefined ? undefined : readPlayer(reader, playerExternalId, resolvePlayer);
      if (externalMatchId !== undefined && playerExternalId !== undefined) {
        checkUniqueEntry(reader, externalMatchId, playerExternalId, firstLineOfEntry);
      }
      const counts = readCounts(reader);
      if (reader.ok && externalMatchId !== undefined && playerExternalId !== undefined && player !== undefined && counts) {
        return { line: row.line, externalMatchId, playerExternalId, player, ...counts };
      }
      return undefined;
    },
  };
}

export function parseCricketStatsCsv<Player>(
  text: string,
  resolvePlayer: PlayerLookup<Player>,
  options: MatchCsvOptions = {},
): CsvParseResult<CricketStatRow<Player>> {
  return parseCsv(text, cricketStatsCsvFormat(resolvePlayer, options));
}

function readPlayer<Player>(reader: RowReader, value: string, resolvePlayer: PlayerLookup<Player>): Player | undefined {
  const found = resolvePlayer(value);
  if (found instanceof AmbiguousName) {
    return reader.fail(`playerExternalId "${value}" fits more than one player: ${found.candidates.join(', ')}; use the external id`);
  }
  return found ?? reader.fail(`playerExternalId "${value}" is not a known player`);
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
