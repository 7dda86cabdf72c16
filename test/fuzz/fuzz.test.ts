import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, memoryLogger, startTestStack, testUser, type TestStack } from '@auction/testing';
import { ALL_SERVICES } from '../../apps/standalone/src/services.js';
import { createLeague, startAuction, type World } from '../integration/auction/support/world.js';
import { refusedHandshakes, runFuzz, type FuzzTotals } from './fuzz-run.js';

/**
 * The fuzzing suite (issue 14): generated hostile requests against every route of the four
 * OpenAPI documents and every client → server socket event, as a manager, the commissioner, a
 * signed-in outsider and anonymously. 0 5xx, a problem+json with a code for every 4xx, and no
 * table of any service changes for a rejected request. `npm test` sends FUZZ_REQUESTS (5,000 by
 * default); `npm run fuzz` sends more. FUZZ_SEED replays a run.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

describe('fuzzing every route and socket event', () => {
  // The clock stands still, so no lot closes on its own while the run compares fingerprints.
  const clock = new ManualClock(new Date('2026-08-01T18:00:00.000Z'));
  // What the server logged about each unexpected error, to name its cause beside the 5xx it gave.
  const errors = memoryLogger('error');
  let stack: TestStack;
  let world: World;
  let openLeagueId: string;

  beforeAll(async () => {
    stack = await startTestStack({ services: ALL_SERVICES, clock, logger: errors.logger });
    world = await startAuction(stack, await createLeague(stack, { managers: 1, assets: 4, settings: { rosterSize: 2 } }));
    const open = await stack.api.post('/api/leagues', { name: 'Open League', sport: 'football' }, { token: world.commissioner.token });
    expect(open.status).toBe(201);
    openLeagueId = open.body.id;
    const joined = await stack.api.post('/api/leagues/join', { inviteToken: open.body.inviteToken }, { token: world.managers[0]!.token });
    expect(joined.status).toBe(200);
    // Scoring computes standings on first read: warm that cache so reads change nothing later.
    for (const leagueId of [world.leagueId, openLeagueId]) {
      expect((await stack.api.get(`/api/scoring/leagues/${leagueId}/leaderboard`, { token: world.commissioner.token })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it(
    `sends ${REQUESTS} hostile requests: no 5xx, a coded problem for every 4xx, no change from any refusal`,
    { timeout: 120_000 + REQUESTS * 40 },
    async () => {
      const manager = world.managers[0]!;
      const outsider = testUser('outsider');
      const leagues = [world.leagueId, openLeagueId];
      const totals: FuzzTotals = await runFuzz(
        {
          baseUrl: stack.url,
          pool: stack.runtime.database.pool,
          tokens: { manager: manager.token, commissioner: world.commissioner.token, outsider: outsider.token },
          ids: {
            id: [...leagues, world.auction.id],
            leagueId: leagues,
            auctionId: [world.auction.id],
            lotId: [world.auction.currentLot!.id],
            userId: [manager.id, world.commissioner.id, outsider.id],
          },
        },
        REQUESTS,
        SEED,
        (line) => console.log(line),
      );
      const summary = {
        seed: totals.seed,
        requests: totals.requests,
        http: totals.http,
        socketEvents: totals.socketEvents,
        serverErrors: totals.serverErrors.length,
        stateChanges: totals.stateChanges.length,
        rejectedVerified: totals.rejectedVerified,
        accepted: totals.accepted,
        byStatus: totals.byStatus,
      };
      console.log(`fuzz totals: ${JSON.stringify(summary)}`);
      expect(totals.requests).toBeGreaterThanOrEqual(REQUESTS);
      expect(withServerLog(totals.serverErrors.slice(0, 10), errors.lines), `seed ${SEED}`).toEqual([]);
      expect(totals.badProblems.slice(0, 10), `seed ${SEED}`).toEqual([]);
      expect(totals.stateChanges.slice(0, 5), `seed ${SEED}`).toEqual([]);
      // Most requests are refusals, and every one of them was checked against the fingerprints.
      expect(totals.rejectedVerified).toBeGreaterThan(REQUESTS / 2);
    },
  );

  it('finds what the server logged about a 5xx by its request id', () => {
    const logged = [JSON.stringify({ level: 50, reqId: 'req-7', err: { message: 'deadlock detected' }, msg: 'unexpected error' })];
    const [found] = withServerLog(
      [{ what: 'GET /x', status: 500, body: JSON.stringify({ code: 'INTERNAL', requestId: 'req-7' }) }],
      logged,
    );
    expect(found!.serverLog).toEqual(logged);
  });

  it('refuses hostile socket handshakes with a code', async () => {
    for (const attempt of await refusedHandshakes(stack.url)) {
      expect(attempt.code, JSON.stringify(attempt.auth)).toMatch(/^[A-Z][A-Z_]+$/);
      expect(attempt.code).not.toBe('CONNECTED');
    }
  });
});

/** Each 5xx with the server's log lines for its request (the problem's requestId), so a failure names its cause. */
function withServerLog(serverErrors: FuzzTotals['serverErrors'], lines: string[]) {
  return serverErrors.map((error) => {
    const requestId = (() => {
      try {
        return (JSON.parse(error.body) as { requestId?: string }).requestId ?? null;
      } catch {
        return null;
      }
    })();
    return { ...error, serverLog: requestId ? lines.filter((line) => line.includes(`"${requestId}"`)) : [] };
  });
}
