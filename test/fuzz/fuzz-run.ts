import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents } from '@auction/contracts';
import { deepJson, edgeNumber, encodeQueryValue, hostileCursor, hostileString, hostileValue, idValue } from './hostile.js';

/** Who sends a request: the league's manager, its commissioner, a signed-in outsider, or nobody. */
export type PersonaName = 'manager' | 'commissioner' | 'outsider' | 'anonymous';

export interface FuzzWorld {
  baseUrl: string;
  pool: pg.Pool;
  tokens: Record<Exclude<PersonaName, 'anonymous'>, string>;
  /** Real ids by path/body parameter name (`id`, `leagueId`, `userId`, `auctionId`, `lotId`). */
  ids: Record<string, string[]>;
}

interface Operation {
  method: string;
  /** OpenAPI path template, `/api/leagues/{id}`. */
  path: string;
  query: string[];
  body: { kind: 'json'; fields: string[] } | { kind: 'csv' } | null;
}

interface HttpCase {
  kind: 'http';
  persona: PersonaName;
  method: string;
  path: string;
  contentType: string | null;
  body: string | null;
}

interface SocketCase {
  kind: 'socket';
  persona: Exclude<PersonaName, 'anonymous'>;
  event: keyof ClientToServerEvents;
  payload: unknown;
  withAck: boolean;
}

type FuzzCase = HttpCase | SocketCase;

/** Every client → server event of SPEC §5 (and the time sync the client uses); the type keeps the list complete. */
const CLIENT_EVENTS = ['league:join', 'league:leave', 'auction:join', 'bid:place', 'time:sync'] as const;
type Missing = Exclude<keyof ClientToServerEvents, (typeof CLIENT_EVENTS)[number]>;
const everyEvent: Missing extends never ? true : never = true;

export interface FuzzTotals {
  requests: number;
  http: number;
  socketEvents: number;
  byStatus: Record<string, number>;
  serverErrors: Array<{ what: string; status: number; body: string }>;
  badProblems: Array<{ what: string; status: number; body: string }>;
  stateChanges: Array<{ what: string; tables: string[] }>;
  rejectedVerified: number;
  accepted: number;
  seed: number;
}

const SCHEMAS = ['auth', 'leagues', 'auction', 'scoring'];

/** Row count and a hash of every row of every table of every service schema. */
export async function fingerprint(pool: pg.Pool): Promise<Map<string, string>> {
  const tables = await pool.query<{ name: string }>(
    `select table_schema || '.' || table_name as name from information_schema.tables
      where table_schema = any($1) and table_type = 'BASE TABLE' order by 1`,
    [SCHEMAS],
  );
  const union = tables.rows
    .map(
      ({ name }) =>
        `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as print from ${name} t`,
    )
    .join(' union all ');
  const result = await pool.query<{ name: string; print: string }>(union);
  return new Map(result.rows.map((row) => [row.name, row.print]));
}

/** Polls until three fingerprints in a row agree (bounded: 10 s), so follow-up writes of an accepted request are in. */
async function settledFingerprint(pool: pg.Pool, latest: Map<string, string>): Promise<Map<string, string>> {
  let current = latest;
  let stable = 0;
  for (const deadline = Date.now() + 10_000; stable < 2 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const next = await fingerprint(pool);
    stable = changedTables(current, next).length === 0 ? stable + 1 : 0;
    current = next;
  }
  return current;
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}

/** Operations of the four OpenAPI documents: method, path template, query names, body kind and fields. */
export async function loadOperations(baseUrl: string): Promise<Operation[]> {
  const operations: Operation[] = [];
  for (const service of ['auth', 'leagues', 'auctions', 'scoring']) {
    const document = (await (await fetch(`${baseUrl}/api/${service}/docs-json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: Array<{ in: string; name: string }>;
            requestBody?: { content?: Record<string, { schema?: { properties?: object } }> };
          }
        >
      >;
    };
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, spec] of Object.entries(methods)) {
        const content = spec.requestBody?.content ?? {};
        const json = content['application/json'];
        const body = content['text/csv']
          ? { kind: 'csv' as const }
          : json
            ? { kind: 'json' as const, fields: Object.keys(json.schema?.properties ?? {}) }
            : null;
        operations.push({
          method: method.toUpperCase(),
          path,
          query: (spec.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          body,
        });
      }
    }
  }
  return operations;
}

const PERSONAS: PersonaName[] = ['manager', 'commissioner', 'outsider', 'anonymous'];
const CONTENT_TYPES = [
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
];

function httpCase(world: FuzzWorld, operation: Operation): fc.Arbitrary<HttpCase> {
  const idFor = (name: string) => idValue({ valid: world.ids[name] ?? world.ids.id! });
  const params = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const path = fc
    .tuple(...params.map(idFor))
    .map((values) => params.reduce((p, name, i) => p.replace(`{${name}}`, encodeQueryValue(values[i]!)), operation.path));
  const queryValue = (name: string) => (name === 'cursor' ? hostileCursor : name === 'limit' ? edgeNumber.map(String) : hostileString);
  const query = fc
    .tuple(
      ...operation.query.map((name) =>
        fc.option(
          queryValue(name).map((v) => `${name}=${encodeQueryValue(v)}`),
          { nil: undefined },
        ),
      ),
      fc.option(fc.constantFrom('limit=1&limit=2', 'cursor[a]=b', 'q[]=x', 'extra=1', 'sport=golf', '%zz=1'), { nil: undefined }),
    )
    .map((parts) => parts.filter(Boolean).join('&'));
  const fields = operation.body?.kind === 'json' ? operation.body.fields : [];
  const fieldValue = (name: string) =>
    world.ids[name] ? fc.oneof(idFor(name), hostileValue) : name === 'amount' ? fc.oneof(edgeNumber, hostileValue) : hostileValue;
  const jsonObject = fc.record(Object.fromEntries(fields.map((name) => [name, fieldValue(name)])), { requiredKeys: [] });
  const jsonBody = fc.oneof(
    { weight: 6, arbitrary: jsonObject.map((o) => JSON.stringify(o)) },
    {
      weight: 1,
      arbitrary: fc.tuple(jsonObject, hostileString, hostileValue).map(([o, k, v]) => JSON.stringify({ ...o, [k || 'extra']: v })),
    },
    { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '{"a":', '[1,]', "{'a':1}", '\u0000', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}', deepJson(20_000)),
    },
    { weight: 1, arbitrary: fc.constant(HUGE) },
  );
  const csvBody = fc.oneof(
    fc
      .array(
        fc.array(hostileString, { maxLength: 7 }).map((cells) => cells.join(',')),
        { maxLength: 8 },
      )
      .map((rows) => rows.join('\n')),
    fc.constantFrom(
      'email\nann@club.test\n',
      'externalMatchId,startsAt,homeTeam,awayTeam,competition\nM1,+275760-09-13T00:00:00Z,Arsenal,Chelsea,EPL\n',
      'externalMatchId,homeGoals,awayGoals\nM1,99999999999,-1\n',
    ),
  );
  const body: fc.Arbitrary<{ contentType: string | null; body: string | null }> = fc.oneof(
    {
      weight: 8,
      arbitrary:
        operation.body?.kind === 'csv'
          ? csvBody.map((b) => ({ contentType: 'text/csv', body: b }))
          : jsonBody.map((b) => ({ contentType: 'application/json', body: b })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...CONTENT_TYPES, 'application/json'), fc.oneof(jsonBody, csvBody))
        .map(([contentType, b]) => ({ contentType, body: b })),
    },
    { weight: 1, arbitrary: fc.constant({ contentType: null, body: null }) },
    { weight: 1, arbitrary: jsonBody.map((b) => ({ contentType: null, body: b })) },
  );
  return fc.record({ persona: fc.constantFrom(...PERSONAS), path, query, body }).map(({ persona, path: p, query: q, body: b }) => ({
    kind: 'http' as const,
    persona,
    method: operation.method,
    path: q ? `${p}?${q}` : p,
    contentType: b.contentType,
    body: operation.method === 'GET' && b.body !== null && b.body.length > 2000 ? null : b.body,
  }));
}

function socketCase(world: FuzzWorld): fc.Arbitrary<SocketCase> {
  const id = (name: string) => fc.oneof(idValue({ valid: world.ids[name]! }), hostileValue);
  const payloads: Record<(typeof CLIENT_EVENTS)[number], fc.Arbitrary<unknown>> = {
    'league:join': fc.record({ leagueId: id('leagueId') }, { requiredKeys: [] }),
    'league:leave': fc.record({ leagueId: id('leagueId') }, { requiredKeys: [] }),
    'auction:join': fc.record({ auctionId: id('auctionId') }, { requiredKeys: [] }),
    'bid:place': fc.record(
      {
        auctionId: id('auctionId'),
        lotId: id('lotId'),
        amount: fc.oneof(edgeNumber, hostileValue),
        clientBidId: hostileValue,
        extra: hostileValue,
      },
      { requiredKeys: [] },
    ),
    'time:sync': fc.record({ clientTime: fc.oneof(edgeNumber, hostileValue) }, { requiredKeys: [] }),
  };
  return fc.constantFrom(...CLIENT_EVENTS).chain((event) =>
    fc.record({
      kind: fc.constant('socket' as const),
      persona: fc.constantFrom('manager' as const, 'commissioner' as const, 'outsider' as const),
      event: fc.constant(event),
      payload: fc.oneof({ weight: 5, arbitrary: payloads[event] }, { weight: 1, arbitrary: hostileValue }),
      withAck: fc.constantFrom(true, true, true, false),
    }),
  );
}

const SCREAMING = /^[A-Z][A-Z0-9_]*$/;
/** Stands for a body over the size limits (1 MB JSON, 5 MB CSV), made only when it is sent. */
const HUGE = '\u0000HUGE';
const hugeBody = (contentType: string | null) =>
  contentType === 'text/csv' ? `email\n${'a@club.test\n'.repeat(500_000)}` : JSON.stringify({ name: 'x'.repeat(1_100_000) });

/** The run: `count` generated cases in chunks, fingerprints around each chunk, every finding kept. */
export async function runFuzz(
  world: FuzzWorld,
  count: number,
  seed: number,
  log: (line: string) => void = () => undefined,
): Promise<FuzzTotals> {
  void everyEvent;
  const operations = await loadOperations(world.baseUrl);
  if (operations.length < 25) throw new Error(`only ${operations.length} operations in the OpenAPI documents`);
  const socketShare = 0.12;
  const anyCase: fc.Arbitrary<FuzzCase> = fc.oneof(
    { weight: Math.round((1 - socketShare) * 100), arbitrary: fc.constantFrom(...operations).chain((op) => httpCase(world, op)) },
    { weight: Math.round(socketShare * 100), arbitrary: socketCase(world) },
  );
  let started = Date.now();
  const cases = fc.sample(anyCase, { numRuns: count, seed });
  log(`fuzz: ${count} cases generated in ${Date.now() - started} ms`);
  started = Date.now();
  const sockets = await connectSockets(world);
  const totals: FuzzTotals = {
    requests: 0,
    http: 0,
    socketEvents: 0,
    byStatus: {},
    serverErrors: [],
    badProblems: [],
    stateChanges: [],
    rejectedVerified: 0,
    accepted: 0,
    seed,
  };
  try {
    let before = await fingerprint(world.pool);
    const CHUNK = 16;
    for (let start = 0; start < cases.length; start += CHUNK) {
      const chunk = cases.slice(start, start + CHUNK);
      const outcomes = await Promise.all(chunk.map((c) => send(world, sockets, c, totals)));
      const after = await fingerprint(world.pool);
      const mutated = outcomes.some((o) => o.accepted && o.mutating);
      const changed = changedTables(before, after);
      // A read that was answered may fill a cache (scoring computes standings on read): then the
      // change is not pinned on a refusal until each refusal is replayed alone below.
      const acceptedRead = outcomes.some((o) => o.accepted && !o.mutating);
      if (!mutated && (changed.length === 0 || !acceptedRead)) {
        if (changed.length > 0) totals.stateChanges.push({ what: chunk.map(describe).join(' ; '), tables: changed });
        else totals.rejectedVerified += outcomes.filter((o) => !o.accepted).length;
        before = after;
        continue;
      }
      // An accepted write changed state, maybe with effects in other services still on their way
      // (an ended auction reaches leagues and scoring through events): wait until the tables are
      // still, then verify this chunk's refusals one by one, each between two fingerprints.
      before = await settledFingerprint(world.pool, after);
      for (const [index, outcome] of outcomes.entries()) {
        if (outcome.accepted) continue;
        const replay = await send(world, sockets, chunk[index]!, totals);
        const again = replay.accepted ? await settledFingerprint(world.pool, await fingerprint(world.pool)) : await fingerprint(world.pool);
        const changed = changedTables(before, again);
        if (!replay.accepted && changed.length > 0) totals.stateChanges.push({ what: describe(chunk[index]!), tables: changed });
        if (!replay.accepted && changed.length === 0) totals.rejectedVerified++;
        before = again;
      }
    }
    log(`fuzz: ${totals.requests} requests sent in ${Date.now() - started} ms`);
  } finally {
    for (const socket of Object.values(sockets)) socket.close();
  }
  return totals;
}

interface Outcome {
  accepted: boolean;
  /** Could have changed state: any HTTP method but GET, and bids, on sockets. */
  mutating: boolean;
}

function describe(c: FuzzCase): string {
  if (c.kind === 'socket') return `socket ${c.persona} ${c.event} ${truncate(safeJson(c.payload))}`;
  return `${c.persona} ${c.method} ${truncate(c.path)} [${c.contentType ?? 'no type'}] ${truncate(c.body ?? '')}`;
}

function truncate(text: string, max = 200): string {
  return text.length > max
    ? `${text.slice(0, max)}… (${text.length} chars, sha1 ${createHash('sha1').update(text).digest('hex').slice(0, 8)})`
    : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

async function send(world: FuzzWorld, sockets: Record<string, Socket>, c: FuzzCase, totals: FuzzTotals): Promise<Outcome> {
  totals.requests++;
  if (c.kind === 'socket') {
    totals.socketEvents++;
    return sendSocket(sockets[c.persona]!, c, totals);
  }
  totals.http++;
  const headers: Record<string, string> = {};
  if (c.persona !== 'anonymous') headers.authorization = `Bearer ${world.tokens[c.persona]}`;
  if (c.contentType) headers['content-type'] = c.contentType;
  const text = c.body === HUGE ? hugeBody(c.contentType) : c.body;
  const body = text === null ? undefined : c.contentType ? text : new TextEncoder().encode(text);
  const response = await fetch(`${world.baseUrl}${c.path}`, { method: c.method, headers, body: c.method === 'GET' ? undefined : body });
  const answer = await response.text();
  totals.byStatus[response.status] = (totals.byStatus[response.status] ?? 0) + 1;
  const what = describe(c);
  if (response.status >= 500) totals.serverErrors.push({ what, status: response.status, body: truncate(answer, 500) });
  if (response.status >= 400 && !isProblem(response, answer))
    totals.badProblems.push({ what, status: response.status, body: truncate(answer, 300) });
  const accepted = response.status < 400;
  if (accepted) totals.accepted++;
  return { accepted, mutating: c.method !== 'GET' };
}

function isProblem(response: Response, text: string): boolean {
  if (!(response.headers.get('content-type') ?? '').includes('application/problem+json')) return false;
  try {
    const problem = JSON.parse(text) as { code?: unknown; status?: unknown };
    return typeof problem.code === 'string' && SCREAMING.test(problem.code) && problem.status === response.status;
  } catch {
    return false;
  }
}

async function sendSocket(socket: Socket, c: SocketCase, totals: FuzzTotals): Promise<Outcome> {
  const what = describe(c);
  const mutating = c.event === 'bid:place';
  if (!c.withAck) {
    socket.emit(c.event, c.payload);
    totals.byStatus['socket:no-ack'] = (totals.byStatus['socket:no-ack'] ?? 0) + 1;
    // Without an ack nothing tells us the event was refused: count it as possibly accepted.
    return { accepted: true, mutating };
  }
  let answer: unknown;
  try {
    answer = await socket.timeout(5000).emitWithAck(c.event, c.payload);
  } catch {
    totals.serverErrors.push({ what, status: 0, body: 'no ack within 5 s' });
    return { accepted: false, mutating };
  }
  const ack = answer as { ok?: unknown; error?: { code?: unknown }; serverTime?: unknown };
  if (c.event === 'time:sync') {
    totals.byStatus['socket:time'] = (totals.byStatus['socket:time'] ?? 0) + 1;
    if (typeof ack.serverTime !== 'number') totals.badProblems.push({ what, status: 0, body: safeJson(answer) });
    return { accepted: true, mutating: false };
  }
  if (ack.ok === true) {
    totals.byStatus['socket:ok'] = (totals.byStatus['socket:ok'] ?? 0) + 1;
    totals.accepted++;
    return { accepted: true, mutating };
  }
  const code = ack.error?.code;
  totals.byStatus[`socket:${String(code)}`] = (totals.byStatus[`socket:${String(code)}`] ?? 0) + 1;
  if (code === 'INTERNAL') totals.serverErrors.push({ what, status: 500, body: truncate(safeJson(answer), 300) });
  else if (ack.ok !== false || typeof code !== 'string' || !SCREAMING.test(code))
    totals.badProblems.push({ what, status: 0, body: truncate(safeJson(answer), 300) });
  return { accepted: false, mutating };
}

async function connectSockets(world: FuzzWorld): Promise<Record<string, Socket>> {
  const entries = await Promise.all(
    Object.entries(world.tokens).map(async ([persona, token]) => {
      const socket = io(world.baseUrl, {
        path: '/socket.io',
        auth: { token },
        transports: ['websocket'],
        reconnection: true,
        forceNew: true,
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      return [persona, socket] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Connections a hostile client may try: no token, a forged one, junk; each must be refused with a code. */
export async function refusedHandshakes(baseUrl: string): Promise<Array<{ auth: unknown; code: unknown }>> {
  const attempts: unknown[] = [
    undefined,
    {},
    { token: '' },
    { token: 'x'.repeat(5000) },
    { token: 42 },
    { token: { $ne: null } },
    { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
  ];
  return Promise.all(
    attempts.map(
      (auth) =>
        new Promise<{ auth: unknown; code: unknown }>((resolve) => {
          const socket = io(baseUrl, {
            path: '/socket.io',
            auth: auth as object,
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
          });
          socket.once('connect', () => {
            socket.close();
            resolve({ auth, code: 'CONNECTED' });
          });
          socket.once('connect_error', (error: Error & { data?: { code?: unknown } }) => {
            socket.close();
            resolve({ auth, code: error.data?.code });
          });
        }),
    ),
  );
}
