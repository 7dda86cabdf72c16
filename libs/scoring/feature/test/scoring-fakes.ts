import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, Param, UseGuards } from '@nestjs/common';
import {
  DomainError,
  type AuctionCompletedEvent,
  type CricketRules,
  type FootballRules,
  type ScoringContext,
  type ScoringRules,
  type SportKey,
} from '@auction/contracts';

export type PartialRules = Partial<FootballRules & CricketRules>;
import { ServiceGuard } from '@auction/auth-guard';
import type { HostedService } from '@auction/platform';
import { EventBus, RealtimePublisher } from '@auction/realtime';
import { testUser, type TestStack, type TestUser } from '@auction/testing';

/** What the fake leagues and auction services answer; tests fill it. */
export const world = {
  contexts: new Map<string, ScoringContext>(),
  completedAuctions: new Map<string, AuctionCompletedEvent>(),
  contextCalls: 0,
};

/** Stands in for the leagues service's internal route. */
@Controller('internal/leagues')
@UseGuards(ServiceGuard)
class FakeLeaguesController {
  @Get(':id/scoring-context')
  context(@Param('id') id: string): ScoringContext {
    world.contextCalls += 1;
    const context = world.contexts.get(id);
    if (!context) throw new DomainError('NOT_FOUND', 'No such league.');
    return context;
  }
}

/** Stands in for the auction engine's internal route. */
@Controller('internal/auctions')
@UseGuards(ServiceGuard)
class FakeAuctionsController {
  @Get('leagues/:leagueId/completed')
  completed(@Param('leagueId') leagueId: string): AuctionCompletedEvent {
    const auction = world.completedAuctions.get(leagueId);
    if (!auction) throw new DomainError('NOT_FOUND', 'No completed auction.');
    return auction;
  }
}

@Module({ controllers: [FakeLeaguesController, FakeAuctionsController] })
class FakeServicesModule {}

export const fakeServices: HostedService = {
  definition: { docs: 'fakes', title: 'Fake leagues and auctions', module: FakeServicesModule },
  data: { migrations: { schema: 'fakes', folder: '/nonexistent' } },
};

export type CatalogueAsset = ScoringContext['catalogue'][number];

export function club(externalId: string, name: string, shortName: string, aliases: string[] = []): CatalogueAsset {
  return { id: randomUUID(), externalId, name, shortName, team: 'England', aliases, registryId: null };
}

export function player(externalId: string, name: string, options: { team?: string; registryId?: string } = {}): CatalogueAsset {
  return {
    id: randomUUID(),
    externalId,
    name,
    shortName: null,
    team: options.team ?? null,
    aliases: [],
    registryId: options.registryId ?? null,
  };
}

export interface TestMember extends TestUser {
  joinedAt: string;
}

export interface TestLeague {
  id: string;
  context: ScoringContext;
  commissioner: TestMember;
  members: TestMember[];
}

const day = (n: number) => new Date(Date.UTC(2025, 6, n, 12)).toISOString();

/** A league the fake leagues service knows: the first member is its commissioner; member i joined on day i + 1. */
export function createLeague(
  sport: SportKey,
  catalogue: CatalogueAsset[],
  memberNames: string[],
  options: { scoringRules?: PartialRules; joinDays?: number[]; pool?: string[] } = {},
): TestLeague {
  const members = memberNames.map((name, i) => ({ ...testUser(name), joinedAt: day(options.joinDays?.[i] ?? i + 1) }));
  const context: ScoringContext = {
    leagueId: randomUUID(),
    sport,
    // Partial rules on purpose: scoring fills what a league leaves out with the sport's defaults.
    scoringRules: (options.scoringRules ?? {}) as ScoringRules,
    commissionerId: members[0]!.id,
    status: 'auction',
    members: members.map((m) => ({ userId: m.id, displayName: m.displayName, joinedAt: m.joinedAt })),
    catalogue,
    // The pool by external id; the whole catalogue unless given.
    poolAssetIds: catalogue.filter((asset) => !options.pool || options.pool.includes(asset.externalId)).map((asset) => asset.id),
  };
  world.contexts.set(context.leagueId, context);
  return { id: context.leagueId, context, commissioner: members[0]!, members };
}

/** The `auction.completed` payload for rosters given as [member, spent, asset externalIds]. */
export function auctionOf(
  league: TestLeague,
  rosters: Array<{ member: TestMember; spent: number; assets: string[] }>,
): AuctionCompletedEvent {
  const byExternalId = new Map(league.context.catalogue.map((asset) => [asset.externalId, asset]));
  return {
    auctionId: randomUUID(),
    leagueId: league.id,
    sport: league.context.sport,
    completedAt: new Date().toISOString(),
    managers: rosters.map(({ member, spent, assets }) => ({
      userId: member.id,
      displayName: member.displayName,
      joinedAt: member.joinedAt,
      budget: 500,
      spent,
      roster: assets.map((externalId) => {
        const asset = byExternalId.get(externalId)!;
        return {
          assetId: asset.id,
          externalId,
          name: asset.name,
          price: Math.max(1, Math.floor(spent / assets.length)),
          lotId: randomUUID(),
        };
      }),
    })),
  };
}

/** Publishes `auction.completed` through the stack's event bus and waits until scoring stored the rosters. */
export async function completeAuction(stack: TestStack, auction: AuctionCompletedEvent): Promise<void> {
  await stack.app.get(EventBus).publish('auction.completed', auction);
  const expected = auction.managers.reduce((sum, m) => sum + m.roster.length, 0);
  await eventually(
    async () => (await rosterAssetCount(stack, auction.leagueId)) === expected && (await hasFreshStandings(stack, auction.leagueId)),
  );
}

export async function rosterAssetCount(stack: TestStack, leagueId: string): Promise<number> {
  return count(stack, 'select count(*) from scoring.roster_assets where league_id = $1', [leagueId]);
}

async function hasFreshStandings(stack: TestStack, leagueId: string): Promise<boolean> {
  return (await count(stack, 'select count(*) from scoring.league_states where league_id = $1 and not standings_stale', [leagueId])) === 1;
}

export async function count(stack: TestStack, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await stack.runtime.database.pool.query<{ count: string }>(sql, params);
  return Number(rows[0]!.count);
}

/** Assets whose stored season totals differ from the sums of their per-match points (should be none). */
export async function totalsDrift(stack: TestStack, leagueId: string): Promise<number> {
  const columns = ['points', 'goals', 'wins', 'catches', 'stumpings', 'run_outs'];
  return count(
    stack,
    `select count(*)
       from (select asset_external_id, ${columns.map((c) => `sum(${c})::int as ${c}`).join(', ')}
               from scoring.asset_points where league_id = $1 group by 1) a
       full join (select * from scoring.asset_totals where league_id = $1) t using (asset_external_id)
      where ${columns.map((c) => `coalesce(a.${c}, 0) <> coalesce(t.${c}, 0)`).join(' or ')}`,
    [leagueId],
  );
}

/** Every row of the league's scoring tables, to show an import changed nothing. */
export async function leagueRows(stack: TestStack, leagueId: string): Promise<Record<string, unknown[]>> {
  const tables = [
    'fixtures',
    'player_stats',
    'asset_points',
    'asset_totals',
    'standings',
    'league_managers',
    'roster_assets',
    'league_states',
  ];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await stack.runtime.database.pool.query(`select * from scoring.${table} where league_id = $1 order by 1, 2, 3`, [
      leagueId,
    ]);
    out[table] = rows;
  }
  return out;
}

export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function csv(lines: string[]): { contentType: string; body: string } {
  return { contentType: 'text/csv', body: lines.join('\n') };
}

/** Records `leaderboard:updated` broadcasts. */
export function recordBroadcasts(stack: TestStack): Array<{ room: string; event: string; payload: unknown }> {
  const publisher = stack.app.get(RealtimePublisher);
  const seen: Array<{ room: string; event: string; payload: unknown }> = [];
  const original = publisher.emit.bind(publisher);
  publisher.emit = ((room: string, event: never, payload: never) => {
    seen.push({ room, event, payload });
    original(room, event, payload);
  }) as typeof publisher.emit;
  return seen;
}
