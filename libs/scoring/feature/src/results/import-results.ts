import { Injectable } from '@nestjs/common';
import { DomainError, type CsvImportReport } from '@auction/contracts';
import type { Database } from '@auction/db';
import {
  parseCricketStatsCsv,
  parseFootballResultsCsv,
  type CricketStat,
  type CsvError,
  type MatchCsvOptions,
} from '@auction/scoring-domain';
import { csvInvalid } from '../csv-invalid.js';
import { LeagueTransactions } from '../db/league-transactions.js';
import { csvImports } from '../fixtures/import-fixtures.js';
import { FixturesRepository } from '../fixtures/fixtures.repository.js';
import { playerResolver } from '../fixtures/team-resolver.js';
import type { ScoringContext } from '@auction/contracts';
import { LeaderboardEvents } from '../standings/leaderboard-events.js';
import { RecomputeStandings } from '../standings/recompute-standings.js';
import { entryKey, PlayerStatsRepository } from './player-stats.repository.js';

/** What a results import reports beyond the contract: stat lines of re-uploaded matches the new file no longer has. */
export type ResultsImportReport = CsvImportReport & { removed?: number };

/**
 * `POST /api/scoring/leagues/:id/results`: football results or cricket player stats by the
 * league's sport, all or nothing, for matches already imported as fixtures. Re-uploading a
 * match replaces its result (cricket: every stat line of each match in the file replaces that
 * match's previous lines). The standings are recomputed in the same transaction.
 */
@Injectable()
export class ImportResults {
  constructor(
    private readonly transactions: LeagueTransactions,
    private readonly fixtures: FixturesRepository,
    private readonly stats: PlayerStatsRepository,
    private readonly recompute: RecomputeStandings,
    private readonly events: LeaderboardEvents,
  ) {}

  async run(context: ScoringContext, csv: string): Promise<ResultsImportReport> {
    const kind = context.sport === 'football' ? 'football-results' : 'cricket-stats';
    try {
      const report = await this.transactions.inLeague(context.leagueId, async (db) => {
        const known = await this.fixtures.matchIds(db, context.leagueId);
        const options: MatchCsvOptions = { isKnownMatch: (id) => known.has(id) };
        return context.sport === 'football' ? this.football(db, context, csv, options) : this.cricket(db, context, csv, options);
      });
      csvImports.inc({ kind, result: 'ok' });
      this.events.updated(context.leagueId);
      return report;
    } catch (error) {
      csvImports.inc({ kind, result: error instanceof DomainError && error.code === 'CSV_INVALID' ? 'invalid' : 'failed' });
      throw error;
    }
  }

  private async football(db: Database, context: ScoringContext, csv: string, options: MatchCsvOptions): Promise<ResultsImportReport> {
    const { rows, errors } = parseFootballResultsCsv(csv, options);
    if (errors.length > 0) throw csvInvalid(errors);
    const { replaced } = await this.fixtures.setResults(db, context.leagueId, rows);
    await this.recompute.within(db, context, rows.map((row) => row.externalMatchId));
    return { inserted: rows.length - replaced, updated: replaced, errors: [] };
  }

  private async cricket(db: Database, context: ScoringContext, csv: string, options: MatchCsvOptions): Promise<ResultsImportReport> {
    const parsed = parseCricketStatsCsv(csv, playerResolver(context), options);
    const stats: CricketStat[] = parsed.rows.map(({ line: _line, player, playerExternalId: _typed, ...counts }) => ({
      ...counts,
      playerExternalId: player.externalId,
    }));
    const errors = [...parsed.errors, ...repeatsInAnotherCase(parsed.rows)].sort((a, b) => a.line - b.line);
    if (errors.length > 0) throw csvInvalid(errors);

    const matchIds = [...new Set(stats.map((stat) => stat.externalMatchId))];
    const before = await this.stats.existingEntries(db, context.leagueId, matchIds);
    await this.stats.replaceMatches(db, context.leagueId, matchIds, stats);
    await this.fixtures.markCompleted(db, context.leagueId, matchIds);
    await this.recompute.within(db, context, matchIds);
    const updated = stats.filter((stat) => before.has(entryKey(stat.externalMatchId, stat.playerExternalId))).length;
    return { inserted: stats.length - updated, updated, removed: before.size - updated, errors: [] };
  }
}

/** The parser finds a player twice in a match by the id as typed; this finds "NZ-x" after "nz-x". */
function repeatsInAnotherCase(rows: ReadonlyArray<{ line: number; externalMatchId: string; playerExternalId: string; player: { externalId: string } }>): CsvError[] {
  const firstLine = new Map<string, number>();
  const errors: CsvError[] = [];
  for (const row of rows) {
    const key = entryKey(row.externalMatchId, row.player.externalId);
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, row.line);
    else {
      errors.push({
        line: row.line,
        message: `player "${row.playerExternalId}" already has a row for match "${row.externalMatchId}" on line ${first}`,
      });
    }
  }
  return errors;
}
