import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAncestorOfHead, buildRelease, previousReleaseCommit, releaseDir, runToCompletion } from '@auction/cluster';
import type { AcceptedBid, AuctionSnapshot, ServerToClientEvents } from '@auction/contracts';
import { expectAuctionInvariants } from '../integration/auction/support/invariants.js';
import { connectSocket, joinAuction, type ClientSocket } from '../integration/auction/support/sockets.js';
import { createLeague, startAuction, type World } from '../integration/auction/support/world.js';
import {
  acceptedPerReplica,
  bidUntil,
  comparable,
  eachReplicaAccepts,
  engineReplicas,
  expectBidsStored,
  expectSoldToLastBid,
  snapshotPerReplica,
  sql,
  type Placed,
} from './support/live-auction.js';
import { useTestCluster } from './support/test-cluster.js';
import { wireIncompatibilities } from './support/wire-compat.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PREVIOUS = previousReleaseCommit();
const PREVIOUS_DIR = releaseDir(PREVIOUS);
const contractsOf = (root: string) => join(root, 'libs/shared/contracts/dist/index.js');
const engineMain = (root: string) => join(root, 'apps/auction-engine/dist/main.js');

describe('ops/previous-release', () => {
  it('names a commit that HEAD descends from', () => {
    expect(() => assertAncestorOfHead(PREVIOUS)).not.toThrow();
  });
});

describe('the wire-type check between two contracts builds', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'contracts-'));
    // The declarations' own `zod` import resolves through here.
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** The current contracts' declarations, edited as an older release might have had them. */
  function olderContracts(name: string, edits: Array<{ file: string; from: string; to: string }>): string {
    const dir = join(scratch, name);
    cpSync(join(ROOT, 'libs/shared/contracts/dist'), dir, {
      recursive: true,
      filter: (source) => !source.includes('.') || source.endsWith('.d.ts'),
    });
    for (const { file, from, to } of edits) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(join(dir, file), text.replace(from, to));
    }
    return join(dir, 'index.js');
  }

  it('names each message the two would not read alike', () => {
    const older = olderContracts('breaking', [
      // A field retyped, an event renamed, a field the older release's clients require dropped, an
      // optional field made required (the older release's servers may leave it out).
      {
        file: 'events.d.ts',
        from: 'export interface BidAccepted {\n    auctionId: string;',
        to: 'export interface BidAccepted {\n    auctionId: number;',
      },
      { file: 'events.d.ts', from: "'lot:sold': (payload: LotSold) => void;", to: "'lot:sold:v0': (payload: LotSold) => void;" },
      { file: 'auctions.d.ts', from: 'export interface AcceptedBid {', to: 'export interface AcceptedBid {\n    placedVia: string;' },
      {
        file: 'events.d.ts',
        from: 'opened at once. */\n    nextLotAt: string | null;',
        to: 'opened at once. */\n    nextLotAt?: string | null;',
      },
    ]);
    expect(wireIncompatibilities(older, contractsOf(ROOT))).toEqual([
      'serverEvents gone from the newer release: lot:sold:v0',
      'serverEvents older → newer: auction:live, bid:accepted',
      'serverEvents newer → older: bid:accepted',
      // Their acknowledgements carry the AcceptedBid.
      'acknowledgements newer → older: bid:place, lot:nominate',
      'http newer → older: AcceptedBid',
    ]);
  });

  it('lets the newer release add an optional field, an event and an error code', () => {
    const older = olderContracts('additive', [
      { file: 'auctions.d.ts', from: '    proxy?: boolean;\n}', to: '}' },
      { file: 'errors.d.ts', from: '    readonly NOT_YOUR_TURN: 409;\n', to: '' },
      { file: 'events.d.ts', from: "    'leaderboard:updated': (payload: {\n        leagueId: string;\n    }) => void;\n", to: '' },
    ]);
    expect(wireIncompatibilities(older, contractsOf(ROOT))).toEqual([]);
  });
});

/** What a client keeps of everything an auction-engine replica sends it. */
class RecordingClient {
  readonly events: Array<{ event: string; payload: unknown }> = [];
  private constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, payload: unknown) => this.events.push({ event, payload }));
  }

  static async open(url: string, token: string): Promise<RecordingClient> {
    return new RecordingClient(await connectSocket(url, token));
  }

  received<E extends keyof ServerToClientEvents>(event: E): Array<Parameters<ServerToClientEvents[E]>[0]> {
    return this.events.filter((e) => e.event === event).map((e) => e.payload as Parameters<ServerToClientEvents[E]>[0]);
  }

  /** The accepted bids it was told of, in seq order (two replicas publish them, so they may arrive out of order). */
  bidsAccepted() {
    return this.received('bid:accepted').sort((a, b) => a.seq - b.seq);
  }

  async bid(world: World, amount: number): Promise<AcceptedBid> {
    const body = { auctionId: world.auction.id, lotId: world.auction.currentLot!.id, amount, clientBidId: randomUUID() };
    const answer = await this.socket.timeout(10_000).emitWithAck('bid:place', body);
    if (!answer.ok) throw new Error(`bid:place ${amount} refused: ${answer.error.code}`);
    return answer.bid;
  }
}

/** Every migration file of a checkout's services, as drizzle's journal tables record it (sha-256 of the SQL). */
function migrationHashes(root: string): Array<{ file: string; hash: string }> {
  return readdirSync(join(root, 'libs'), { withFileTypes: true })
    .filter((scope) => scope.isDirectory())
    .map((scope) => join(root, 'libs', scope.name, 'feature', 'migrations'))
    .filter((folder) => existsSync(join(folder, 'meta', '_journal.json')))
    .flatMap((folder) =>
      (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> }).entries.map(
        ({ tag }) => {
          const file = join(folder, `${tag}.sql`);
          return { file: file.slice(root.length), hash: createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex') };
        },
      ),
    );
}

/** Every row of every drizzle journal table, in a stable order. */
async function journal(databaseUrl: string): Promise<Array<{ table: string; hash: string; created_at: string }>> {
  const tables = (await sql(databaseUrl, `select table_name from information_schema.tables where table_schema = 'drizzle' order by 1`))
    .rows;
  const rows = await Promise.all(
    tables.map(
      async ({ table_name }) =>
        (await sql(databaseUrl, `select '${table_name}' as table, hash, created_at::text from drizzle."${table_name}" order by id`)).rows,
    ),
  );
  return rows.flat();
}

/** The script a process runs (`node <script>`), read from /proc. */
function scriptOf(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[1]!;
}

/** A snapshot without what changes with the moment it is asked (the clock, the time left on the lot). */
function timeless(snapshot: AuctionSnapshot): unknown {
  const { serverTime: _, currentLot, ...rest } = snapshot;
  if (!currentLot) return rest;
  const { remainingMs: __, ...lot } = currentLot;
  return { ...rest, currentLot: lot };
}

/**
 * The previous release (ops/previous-release, built by scripts/build-release.ts) and the current
 * build side by side on the current schema, as in the middle of a rolling deploy or right after a
 * rollback: auction-engine replica 0 runs the previous release, replica 1 this build, both behind
 * nginx. Needs the current build (`npm test` builds it, and the previous release, first).
 */
describe('the previous release beside the current build, on the current schema', () => {
  beforeAll(async () => {
    await buildRelease(PREVIOUS, { say: (line) => process.stdout.write(`${line}\n`) });
  }, 900_000);
  const stack = useTestCluster({
    replicas: { auth: 1, leagues: 1, 'auction-engine': 2, scoring: 1 },
    replicaRootDirs: { 'auction-engine': { 0: PREVIOUS_DIR } },
  });

  it('finds all of its migrations applied, and its migrator changes nothing', async () => {
    const applied = await journal(stack.database.url);
    const appliedHashes = new Set(applied.map((row) => row.hash));
    // The files are found where the migrator finds them: the current ones are exactly what it applied.
    expect(new Set(migrationHashes(ROOT).map((m) => m.hash))).toEqual(appliedHashes);
    expect(migrationHashes(PREVIOUS_DIR).filter((m) => !appliedHashes.has(m.hash))).toEqual([]);

    const migrate = await runToCompletion(
      'previous release: migrate',
      process.execPath,
      [join(PREVIOUS_DIR, 'apps/standalone/dist/migrate.js')],
      {
        env: { ...process.env, DATABASE_URL: stack.database.url },
        cwd: PREVIOUS_DIR,
      },
    );
    expect(migrate.code, migrate.output).toBe(0);
    expect(await journal(stack.database.url)).toEqual(applied);
  });

  it('declares the messages of the wire as the current contracts do', () => {
    expect(wireIncompatibilities(contractsOf(PREVIOUS_DIR), contractsOf(ROOT))).toEqual([]);
  });

  it('serves one live auction from both builds, and each one’s clients read what the other sends', async () => {
    const engines = engineReplicas(stack);
    expect(engines.map((r) => scriptOf(r.pid))).toEqual([engineMain(PREVIOUS_DIR), engineMain(ROOT)]);
    const world = await startAuction(
      stack,
      await createLeague(stack, {
        managers: 5,
        assets: 2,
        settings: { budget: 100_000, rosterSize: 1, bidTimerSeconds: 10, antiSnipeSeconds: 5 },
      }),
    );
    const lotId = world.auction.currentLot!.id;
    // A client of each replica, connected to it directly: [previous release, current build].
    const clients = await Promise.all(engines.map((r, i) => RecordingClient.open(`http://127.0.0.1:${r.port}`, world.everyone[i]!.token)));
    try {
      const joined = await Promise.all(clients.map((c) => joinAuction(c.socket, world.auction.id)));
      expect(comparable(joined[0]!)).toEqual(comparable(joined[1]!));

      // One bid over each client's socket, in the bidders' turn, then bids through nginx.
      const placed: Placed[] = [];
      for (const client of clients) {
        const amount = placed.length + 1;
        placed.push({ amount, status: 201, bid: await client.bid(world, amount) });
      }
      const before = await acceptedPerReplica(stack);
      const spread = eachReplicaAccepts(stack, before, 5);
      await bidUntil(stack, world, spread, placed);
      const after = await spread;

      expect(placed.filter((p) => p.status !== 201).map((p) => `${p.amount}: ${p.status}`)).toEqual([]);
      after.forEach((n, i) => expect(n - before[i]!, `bids accepted by engine replica ${i}`).toBeGreaterThanOrEqual(5));
      await expectBidsStored(stack, lotId, placed);

      const snapshots = await snapshotPerReplica(stack, world);
      expect(comparable(snapshots[1]!)).toEqual(comparable(snapshots[0]!));
      expect(snapshots[0]!.seq).toBe(placed.at(-1)!.bid!.seq);
      // Everything the previous release answers, the current one answers alike (it may add fields).
      expect(timeless(snapshots[1]!)).toMatchObject(timeless(snapshots[0]!) as object);

      await expectSoldToLastBid(stack, lotId, placed);
      const last = placed.at(-1)!.bid!;
      await expect.poll(() => clients.map((c) => c.received('lot:sold').length), { timeout: 10_000 }).toEqual([1, 1]);
      for (const client of clients) {
        // Each replica's clients get every bid, whichever build accepted it, as the current contracts read it.
        expect(
          client.bidsAccepted().map((e) => ({ lotId: e.lotId, seq: e.seq, amount: e.amount, bidderId: e.bidderId, endsAt: e.endsAt })),
        ).toEqual(placed.map(({ bid }) => ({ lotId, seq: bid!.seq, amount: bid!.amount, bidderId: bid!.bidderId, endsAt: bid!.endsAt })));
        expect(client.received('lot:sold')).toEqual([expect.objectContaining({ lotId, winnerId: last.bidderId, price: last.amount })]);
      }
      expect(clients[0]!.bidsAccepted()).toEqual(clients[1]!.bidsAccepted());
      await expectAuctionInvariants(stack.database.url, world.auction.id);
    } finally {
      for (const client of clients) client.socket.close();
    }
  }, 180_000);
});
