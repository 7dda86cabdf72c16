import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { DomainError } from '@auction/contracts';
import type { HostedService } from '@auction/platform';
import type { AuctionSetup } from '@auction/auction';
import type { TestUser } from '@auction/testing';

/**
 * A stand-in for the leagues service's two internal routes, for tests that exercise the
 * auction engine alone. Leagues live in this module's memory; no constructor injection, so
 * it works without decorator metadata.
 */
interface FakeLeague {
  setup: AuctionSetup;
  auctionId: string | null;
}

const leagues = new Map<string, FakeLeague>();

@Controller('internal/leagues')
class FakeLeaguesController {
  @Post(':id/start-auction')
  @HttpCode(200)
  start(@Param('id') id: string, @Body() body: { userId: string; auctionId: string }): AuctionSetup {
    const league = leagues.get(id);
    if (!league) throw new DomainError('NOT_FOUND', 'No such league.');
    if (league.setup.commissionerId !== body.userId) throw new DomainError('NOT_COMMISSIONER', 'Only the commissioner can start the auction.');
    if (league.setup.members.length < 2) throw new DomainError('NOT_ENOUGH_MANAGERS', 'Not enough managers.');
    if (league.auctionId) throw new DomainError('AUCTION_STARTED', 'The auction has already started.');
    league.auctionId = body.auctionId;
    return league.setup;
  }

  @Get(':id/members/:userId')
  member(@Param('id') id: string, @Param('userId') userId: string) {
    const member = leagues.get(id)?.setup.members.find((m) => m.userId === userId);
    if (!member) throw new DomainError('NOT_A_MEMBER', 'Not a member.');
    return { leagueId: id, userId, role: member.role, displayName: member.displayName, joinedAt: member.joinedAt };
  }
}

@Module({ controllers: [FakeLeaguesController] })
class FakeLeaguesModule {}

export const fakeLeaguesService: HostedService = {
  definition: { docs: 'fake-leagues', title: 'Fake leagues', module: FakeLeaguesModule },
  data: { migrations: { schema: 'fake_leagues', folder: '/nonexistent' } },
};

export type LeagueSettings = AuctionSetup['settings'];

export const defaultSettings: LeagueSettings = {
  budget: 100,
  rosterSize: 2,
  openingBid: 1,
  minIncrement: 1,
  bidTimerSeconds: 60,
  antiSnipeSeconds: 10,
  nominationOrder: 'fixed',
  scoringRules: { win: 3, draw: 1, goal: 1 },
};

/** Registers a league whose first user is the commissioner (and a manager, as in the product). */
export function fakeLeague(users: TestUser[], options: { assets?: number; settings?: Partial<LeagueSettings> } = {}): AuctionSetup {
  const leagueId = randomUUID();
  const start = Date.now() - 60_000;
  const setup: AuctionSetup = {
    leagueId,
    name: `League ${leagueId.slice(0, 6)}`,
    sport: 'football',
    commissionerId: users[0]!.id,
    settings: { ...defaultSettings, ...options.settings },
    members: users.map((user, i) => ({
      userId: user.id,
      displayName: user.displayName,
      role: i === 0 ? 'commissioner' : 'manager',
      joinedAt: new Date(start + i * 1000).toISOString(),
    })),
    assets: Array.from({ length: options.assets ?? 6 }, (_, i) => ({
      id: randomUUID(),
      externalId: `club-${i + 1}`,
      name: `Club ${i + 1}`,
      shortName: `C${i + 1}`,
      team: 'England',
      role: null,
    })),
  };
  leagues.set(leagueId, { setup, auctionId: null });
  return setup;
}
