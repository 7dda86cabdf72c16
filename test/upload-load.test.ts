import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '@auction/scoring-domain';
import { startTestStack, testUser, type TestStack } from '@auction/testing';
import { ALL_SERVICES } from '../apps/standalone/src/services.js';
import { bid, snapshot, startedAuction } from './integration/auction/support/world.js';

const UPLOADS = Number(process.env.UPLOADS ?? 8);

/** A fixtures CSV at its format's row cap and close to its byte cap: 2,000 rows of long match ids. */
function maximalFixturesCsv(): string {
  const { rows, bytes } = UPLOAD_LIMITS['fixtures-csv'];
  const idLength = Math.min(100, Math.floor(bytes / rows) - 50);
  const lines = Array.from({ length: rows }, (_, i) => `${`M${i}-`.padEnd(idLength, 'x')},2025-08-16T15:00:00Z,ARS,CHE,EPL`);
  return ['externalMatchId,startsAt,homeTeam,awayTeam,competition', ...lines].join('\n');
}

/**
 * Issue 14 item 4: eight maximal uploads at once, in the one process that also runs the auction
 * engine (standalone mode), must not stall it: health answers, the event loop is never held for
 * long, and a lot still closes within 1 s of its deadline. Bounds are generous for a shared CI box.
 */
describe('uploads do not stall the process', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ services: ALL_SERVICES });
  });
  afterAll(() => stack.close());

  it('keeps /api/health and a lot close within bounds while 8 maximal uploads run', async () => {
    const leagues = await Promise.all(
      Array.from({ length: UPLOADS }, async (_, i) => {
        const commissioner = testUser(`uploader${i}`);
        const league = await stack.api.post(
          '/api/leagues',
          { name: `Upload ${i}`, sport: 'football', competition: 'EPL' },
          { token: commissioner.token },
        );
        expect(league.status).toBe(201);
        return { id: league.body.id as string, token: commissioner.token };
      }),
    );
    // Half the files are stored; the other half are read and checked in full, then refused (every row names an unknown club).
    const body = maximalFixturesCsv();
    const invalid = body.replaceAll(',ARS,CHE,', ',Arsenal FC,CHE,');
    expect(Buffer.byteLength(body)).toBeGreaterThan(UPLOAD_LIMITS['fixtures-csv'].bytes * 0.5);

    let world = await startedAuction(stack, { managers: 1, assets: 2, settings: { bidTimerSeconds: 3, antiSnipeSeconds: 0 } });
    expect((await bid(stack, world, world.commissioner, 5)).status).toBe(201);
    world = { ...world, auction: await snapshot(stack, world) };
    const firstLot = world.auction.currentLot!;
    const deadline = Date.parse(firstLot.endsAt!);

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const healthMs: number[] = [];
    let closedAt: number | null = null;
    let uploading = true;
    const probes = (async () => {
      while (uploading || closedAt === null) {
        const started = performance.now();
        const health = await stack.api.get('/api/health');
        healthMs.push(performance.now() - started);
        expect(health.status, JSON.stringify(health.body)).toBe(200);
        if (closedAt === null && (await snapshot(stack, world)).currentLot?.id !== firstLot.id) closedAt = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 50)); // a probe every ~50 ms, not a wait for an event
      }
    })();
    const uploadsStarted = performance.now();
    const answers = await Promise.all(
      leagues.map((league, i) =>
        stack.api.post(`/api/scoring/leagues/${league.id}/fixtures`, undefined, {
          token: league.token,
          raw: { contentType: 'text/csv', body: i % 2 === 0 ? body : invalid },
        }),
      ),
    );
    const uploadsMs = performance.now() - uploadsStarted;
    uploading = false;
    await probes;
    loop.disable();

    for (const [i, answer] of answers.entries()) {
      if (i % 2 === 0)
        expect(answer.body, JSON.stringify(answer.body).slice(0, 300)).toMatchObject({ inserted: UPLOAD_LIMITS['fixtures-csv'].rows });
      else expect(answer.body).toMatchObject({ code: 'CSV_INVALID', errorCount: UPLOAD_LIMITS['fixtures-csv'].rows });
    }
    const maxDelayMs = loop.max / 1e6;
    console.info(
      `8 uploads in ${Math.round(uploadsMs)} ms: health max ${Math.round(Math.max(...healthMs))} ms over ${healthMs.length} probes; event-loop delay max ${Math.round(maxDelayMs)} ms, p99 ${Math.round(loop.percentile(99) / 1e6)} ms; lot closed ${closedAt! - deadline} ms after its deadline`,
    );
    expect(Math.max(...healthMs)).toBeLessThan(1000);
    expect(maxDelayMs).toBeLessThan(500);
    expect(closedAt! - deadline).toBeLessThan(1000);
  });
});
