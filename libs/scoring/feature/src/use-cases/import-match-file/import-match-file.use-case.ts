import { Injectable } from '@nestjs/common';
import { DomainError, type ImportPreview, type MatchImportReport, type ScoringContext } from '@auction/contracts';
import { Transactor, type Transaction } from '@auction/db';
import { counter } from '@auction/observability';
import type { Upload } from '@auction/platform';
import { tallyCricsheet, type CricketStat, type CricsheetMatch, type TeamRef } from '@auction/scoring-domain';
import { leagueLock } from '../../db/league-lock.js';
import { FixturesRepository, type NewFixture } from '../../fixtures/fixtures.repository.js';
import { teamResolver } from '../../fixtures/team-resolver.js';
import { assignCricsheetPlayers } from '../../imports/cricsheet-players.js';
import { ImportSlots } from '../../imports/import-slots.js';
import { readMatchFile, type ImportRoute, type MatchFile } from '../../imports/read-match-file.js';
import { entryKey, PlayerStatsRepository } from '../../results/player-stats.repository.js';
import { AssetPointsRepository } from '../../standings/asset-points.repository.js';
import { LeaderboardEvents } from '../../standings/leaderboard-events.js';
import { StandingsRecompute } from '../../standings/standings-recompute.js';

export const csvImports = counter('scoring_csv_imports_total', 'Match file imports by format and outcome', ['kind', 'result']);

type Written = Omit<MatchImportReport, 'format' | 'dryRun' | 'errors' | 'preview'> & {
  /** Matches whose points are scored again. */
  rescored: string[];
  /** Matches of the file, for a preview. */
  matchIds: string[];
};

const DAY_MS = 86_400_000;

export interface ImportMatchFileInput {
  context: ScoringContext;
  upload: Upload;
  route: ImportRoute;
  /** Check and score the file, answer what it would change, keep nothing. */
  dryRun: boolean;
}

/**
 * `POST /api/scoring/leagues/:id/fixtures` and `/results`: any accepted match file (SPEC §4, §9),
 * read and checked as it arrives, then stored all or nothing under the league's lock with the
 * standings recomputed in the same transaction. A dry run does all of it, answers what would
 * change, and rolls back.
 */
@Injectable()
export class ImportMatchFileUseCase {
  private readonly slots = new ImportSlots();

  constructor(
    private readonly transactor: Transactor,
    private readonly fixtures: FixturesRepository,
    private readonly stats: PlayerStatsRepository,
    private readonly points: AssetPointsRepository,
    private readonly standings: StandingsRecompute,
    private readonly events: LeaderboardEvents,
  ) {}

  execute(input: ImportMatchFileInput): Promise<MatchImportReport> {
    return this.slots.run(() => this.import(input));
  }

  private async import({ context, upload, route, dryRun }: ImportMatchFileInput): Promise<MatchImportReport> {
    let kind = `${route}-upload`;
    try {
      const known = await this.fixtures.knownMatchIds(context.leagueId);
      const file = await readMatchFile(upload, route, context, known);
      kind = file.format;
      const report = await this.transactor.run(
        async (db) => {
          const { rescored, matchIds, ...counts } = await this.write(db, context, file);
          await this.standings.recompute(db, context, rescored);
          const answer: MatchImportReport = { format: file.format, dryRun, ...counts, errors: [] };
          return dryRun ? { ...answer, preview: await this.preview(db, context, matchIds, known) } : answer;
        },
        { ...leagueLock(context.leagueId), rollback: dryRun },
      );
      csvImports.inc({ kind, result: dryRun ? 'preview' : 'ok' });
      if (!dryRun) this.events.updated(context.leagueId);
      return report;
    } catch (error) {
      csvImports.inc({ kind, result: error instanceof DomainError ? 'refused' : 'failed' });
      throw error;
    }
  }

  private write(db: Transaction, context: ScoringContext, file: MatchFile): Promise<Written> {
    switch (file.format) {
      case 'fixtures-csv':
        return this.writeFixtures(db, context, file.rows);
      case 'football-data-csv':
        return this.writeSeason(db, context, file.rows);
      case 'football-results-csv':
        return this.writeFootballResults(db, context, file.rows);
      case 'cricket-stats-csv':
        return this.writeCricketStats(
          db,
          context,
          file.rows.map(({ line: _line, player, playerExternalId: _typed, ...counts }) => ({
            ...counts,
            playerExternalId: player.externalId,
          })),
        );
      case 'cricsheet-json':
        return this.writeCricsheet(db, context, file.match);
    }
  }

  private async writeFixtures(
    db: Transaction,
    context: ScoringContext,
    rows: Extract<MatchFile, { format: 'fixtures-csv' }>['rows'],
  ): Promise<Written> {
    const counts = await this.fixtures.upsert(db, context.leagueId, rows.map(toNewFixture));
    const matchIds = rows.map((row) => row.externalMatchId);
    // A football result is scored by its fixture's teams, which this may have changed.
    return { ...counts, rescored: context.sport === 'football' ? matchIds : [], matchIds };
  }

  private async writeSeason(
    db: Transaction,
    context: ScoringContext,
    rows: Extract<MatchFile, { format: 'football-data-csv' }>['rows'],
  ): Promise<Written> {
    const counts = await this.fixtures.upsert(db, context.leagueId, rows.map(toNewFixture));
    const played = rows.flatMap((row) => (row.result ? [{ externalMatchId: row.externalMatchId, ...row.result }] : []));
    await this.fixtures.setResults(db, context.leagueId, played);
    const matchIds = rows.map((row) => row.externalMatchId);
    return { ...counts, results: played.length, rescored: matchIds, matchIds };
  }

  private async writeFootballResults(
    db: Transaction,
    context: ScoringContext,
    rows: Extract<MatchFile, { format: 'football-results-csv' }>['rows'],
  ): Promise<Written> {
    const { replaced } = await this.fixtures.setResults(db, context.leagueId, rows);
    const matchIds = rows.map((row) => row.externalMatchId);
    return { inserted: rows.length - replaced, updated: replaced, rescored: matchIds, matchIds };
  }

  /** Every stat line of each match in the file replaces that match's previous lines. */
  private async writeCricketStats(db: Transaction, context: ScoringContext, stats: CricketStat[]): Promise<Written> {
    const matchIds = [...new Set(stats.map((stat) => stat.externalMatchId))];
    const before = await this.stats.existingEntries(db, context.leagueId, matchIds);
    await this.stats.replaceMatches(db, context.leagueId, matchIds, stats);
    await this.fixtures.markCompleted(db, context.leagueId, matchIds);
    const updated = stats.filter((stat) => before.has(entryKey(stat.externalMatchId, stat.playerExternalId))).length;
    return { inserted: stats.length - updated, updated, removed: before.size - updated, rescored: matchIds, matchIds };
  }

  private async writeCricsheet(db: Transaction, context: ScoringContext, match: CricsheetMatch): Promise<Written> {
    const externalMatchId = await this.cricsheetFixture(db, context, match);
    const { stats, skipped } = assignCricsheetPlayers(tallyCricsheet(match), context);
    const written = await this.writeCricketStats(
      db,
      context,
      stats.map((stat) => ({ externalMatchId, ...stat })),
    );
    // A match file always names its match, even when no pool player played in it.
    return { ...written, skipped, rescored: [externalMatchId], matchIds: [externalMatchId] };
  }

  /**
   * The league's fixture of a Cricsheet match: one this file created before, else the fixture
   * between the two teams starting within a day of the match's first date (a local date: the
   * instant may fall on the day before in UTC), else a new one at that date, 00:00 UTC.
   */
  private async cricsheetFixture(db: Transaction, context: ScoringContext, match: CricsheetMatch): Promise<string> {
    const resolveTeam = teamResolver(context);
    // A cricket league takes any team name, so each resolves.
    const [first, second] = match.info.teams.map((team) => resolveTeam(team)!) as [TeamRef, TeamRef];
    const date = match.info.dates[0]!;
    const derivedId = `cs-${date}-${slug(first.name)}-${slug(second.name)}`;
    const day = new Date(`${date}T00:00:00Z`);
    if ((await this.fixtures.byMatchIds(db, context.leagueId, [derivedId])).length > 0) return derivedId;
    const [existing] = await this.fixtures.between(
      db,
      context.leagueId,
      [first.externalId, second.externalId],
      new Date(day.getTime() - DAY_MS),
      new Date(day.getTime() + 2 * DAY_MS),
    );
    if (existing) return existing;
    const competition = (match.info.event?.name ?? match.info.match_type ?? 'Cricket').slice(0, 100);
    await this.fixtures.upsert(db, context.leagueId, [
      {
        externalMatchId: derivedId,
        startsAt: day,
        homeTeam: first.name,
        homeTeamKey: first.externalId,
        awayTeam: second.name,
        awayTeamKey: second.externalId,
        competition,
      },
    ]);
    return derivedId;
  }

  private async preview(
    db: Transaction,
    context: ScoringContext,
    matchIds: readonly string[],
    known: ReadonlySet<string>,
  ): Promise<ImportPreview> {
    const names = new Map(context.catalogue.map((asset) => [asset.externalId, asset.name]));
    const matches = await this.fixtures.byMatchIds(db, context.leagueId, matchIds);
    const points = await this.points.ofMatches(db, context.leagueId, matchIds);
    return {
      matches: matches.map((fixture) => ({
        externalMatchId: fixture.externalMatchId,
        startsAt: fixture.startsAt,
        homeTeam: fixture.homeTeam,
        awayTeam: fixture.awayTeam,
        change: known.has(fixture.externalMatchId) ? 'updated' : 'new',
        result: fixture.result,
      })),
      points: points.map((entry) => ({ ...entry, name: names.get(entry.assetExternalId) ?? entry.assetExternalId })),
    };
  }
}

function toNewFixture(row: Extract<MatchFile, { format: 'fixtures-csv' | 'football-data-csv' }>['rows'][number]): NewFixture {
  return {
    externalMatchId: row.externalMatchId,
    startsAt: row.startsAt,
    homeTeam: row.homeTeam.name,
    homeTeamKey: row.homeTeam.externalId,
    awayTeam: row.awayTeam.name,
    awayTeamKey: row.awayTeam.externalId,
    competition: row.competition,
  };
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
