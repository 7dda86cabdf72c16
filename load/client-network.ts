/**
 * Where the load run's clients connect from. On loopback by default: each client from its own
 * 127.x.y.1 address, nginx's ip_hash spreading them over the replicas.
 *
 * With `--chaos latency`, from a network namespace the run makes for itself, across a link that
 * delays and drops packets as a mobile network would. This machine's kernel has no `sch_netem`
 * (`tc qdisc add … netem` answers "Specified qdisc kind is unknown"), so the link is a pair of
 * tun devices whose packets socat hands, one UDP datagram each, to a user-space netem
 * (load/netem-host.ts) inside the namespace:
 *
 *     client socket (namespace, 10.<200+k>.x.y) → tun <dev>c → socat → netem → socat → tun <dev>s
 *       (moved to the harness's namespace, 10.250.k.1) → nginx listening on 10.250.k.1
 *
 * and back the same way. The sockets are opened inside the namespace by that netem process and
 * handed to the harness over IPC, so the clients stay in the harness's process and nothing
 * else about them changes. Addresses: 10.250.k.1 / 10.250.k.2 on the link's two ends and the
 * clients' 10.<200+k>.0.0/16, local to the namespace only; k is a free slot 0..49, claimed by
 * creating the namespace `auction-load-k`. Everything is removed by `stop()` (which the
 * environment also calls on SIGINT and SIGTERM), and when the process exits before that.
 */
import { execFile, spawnSync } from 'node:child_process';
import { Agent, type ClientRequestArgs } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { spawnManaged, waitUntil, type ManagedProcess } from '@auction/cluster';
import type { ConnectRequest, DirectionStats, HostMessage } from './netem-host.js';
import { sourceAddress as loopbackSource } from './population.js';

/** Delay and loss, each way (a round trip sees twice the delay). */
export interface LatencyPlan {
  delayMs: number;
  jitterMs: number;
  lossPercent: number;
}

export interface LinkStats {
  /** Packets from the clients to nginx, and back. */
  upstream: DirectionStats;
  downstream: DirectionStats;
}

export interface ClientNetwork {
  /** The network namespace the clients' sockets are opened in; null on loopback. */
  namespace: string | null;
  /** The address nginx must also listen on for these clients; null on loopback. */
  listenHost: string | null;
  latency: LatencyPlan | null;
  /** Makes the clients' sockets; null: this process's own. */
  agent: Agent | null;
  /** The i-th client's source address. */
  sourceAddress(i: number): string;
  /** The URL the clients use for an nginx on `port`. */
  urlFor(port: number): string;
  /** TCP handshake time of every client connection, measured where the socket was opened (latency only). */
  readonly connectMs: number[];
  stats(): Promise<LinkStats | null>;
  stop(): Promise<void>;
}

export const LOOPBACK_NETWORK: ClientNetwork = {
  namespace: null,
  listenHost: null,
  latency: null,
  agent: null,
  sourceAddress: loopbackSource,
  urlFor: (port) => `http://127.0.0.1:${port}`,
  connectMs: [],
  stats: async () => null,
  stop: async () => undefined,
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOTS = 50;
/** UDP ports on the namespace's own loopback (a fresh namespace: all free). */
const PORTS = { clientNetem: 9001, clientSocat: 9002, serverNetem: 9003, serverSocat: 9004 };
const run = promisify(execFile);

async function ip(...args: string[]): Promise<void> {
  await run('ip', args).catch((error: Error & { stderr?: string }) => {
    throw new Error(`ip ${args.join(' ')}: ${error.stderr?.trim() || error.message}`);
  });
}

/** The first free slot: whoever creates `auction-load-k` owns its namespace, device names and addresses. */
function claimSlot(): number {
  for (let i = 0; i < SLOTS; i++) {
    const k = (process.pid + i) % SLOTS;
    if (spawnSync('ip', ['netns', 'add', `auction-load-${k}`]).status === 0) return k;
  }
  throw new Error(`no free network namespace: auction-load-0..${SLOTS - 1} all exist (ip netns list; ip netns del NAME)`);
}

/** Sockets opened inside the namespace by the netem process and handed over IPC. */
class NamespaceAgent extends Agent {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (socket: Socket) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly host: ManagedProcess,
    private readonly connectMs: number[],
  ) {
    super();
    host.child.on('message', (message: HostMessage, socket?: Socket) => {
      if (!('id' in message)) return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) {
        this.connectMs.push(Math.round(message.connectMs * 10) / 10);
        if (waiting) waiting.resolve(socket!);
        else socket?.destroy();
      } else waiting?.reject(new Error(message.message));
    });
    void host.exited.then(() => {
      for (const waiting of this.pending.values()) waiting.reject(new Error('the namespace host exited'));
      this.pending.clear();
    });
  }

  override createConnection(options: ClientRequestArgs, callback?: (error: Error | null, stream: Duplex) => void): undefined {
    const id = this.next++;
    const request: ConnectRequest = { id, host: options.host!, port: Number(options.port), localAddress: options.localAddress! };
    new Promise<Socket>((resolve, reject) => {
      if (!this.host.child.connected) return reject(new Error('the namespace host is gone'));
      this.pending.set(id, { resolve, reject });
      this.host.child.send(request, (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(error);
      });
    }).then(
      (socket) => callback?.(null, socket),
      (error: Error) => callback?.(error, undefined as never),
    );
    return undefined;
  }
}

/** Makes the namespace, its link and its netem; resolves once the link is up at both ends. */
export async function startLatencyNetwork(plan: LatencyPlan): Promise<ClientNetwork> {
  const k = claimSlot();
  const namespace = `auction-load-${k}`;
  const devices = { clients: `auctionld${k}c`, server: `auctionld${k}s` };
  const hostAddress = `10.250.${k}.1`;
  const linkAddress = `10.250.${k}.2`;
  const clientRange = `10.${200 + k}.0.0/16`;
  const processes: ManagedProcess[] = [];
  const inNamespace = (name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; ipc?: boolean } = {}) => {
    const proc = spawnManaged(name, 'ip', ['netns', 'exec', namespace, command, ...args], { cwd: ROOT, ...options });
    processes.push(proc);
    return proc;
  };

  // Last resort, when the process exits without stop() (the environment stops it on SIGINT and SIGTERM).
  const removeNow = () => {
    for (const proc of processes) if (proc.running()) proc.child.kill('SIGKILL');
    spawnSync('ip', ['netns', 'del', namespace]);
  };
  process.once('exit', removeNow);

  const stop = async () => {
    process.off('exit', removeNow);
    await Promise.all(processes.map((proc) => proc.stop('SIGTERM', 2000)));
    await ip('netns', 'del', namespace).catch(() => undefined);
  };

  try {
    await ip('-n', namespace, 'link', 'set', 'lo', 'up');
    const host = inNamespace('netem-host', process.execPath, ['--import', 'tsx', join(ROOT, 'load/netem-host.ts')], {
      ipc: true,
      env: {
        ...process.env,
        NETEM_DELAY_MS: String(plan.delayMs),
        NETEM_JITTER_MS: String(plan.jitterMs),
        NETEM_LOSS_PERCENT: String(plan.lossPercent),
        NETEM_CLIENT_PORT: String(PORTS.clientNetem),
        NETEM_CLIENT_PEER: String(PORTS.clientSocat),
        NETEM_SERVER_PORT: String(PORTS.serverNetem),
        NETEM_SERVER_PEER: String(PORTS.serverSocat),
      },
    });
    await new Promise<void>((resolve, reject) => {
      host.child.once('message', (message: HostMessage) => 'ready' in message && resolve());
      void host.exited.then(() => reject(new Error(`netem-host exited before it was ready:\n${host.output().slice(-4000)}`)));
    });
    const bridge = (device: string, netemPort: number, socatPort: number) =>
      inNamespace(`socat ${device}`, 'socat', [
        '-b',
        '65536',
        `TUN,tun-name=${device},tun-type=tun,iff-no-pi`,
        `UDP:127.0.0.1:${netemPort},bind=127.0.0.1:${socatPort}`,
      ]);
    const socats = [
      bridge(devices.clients, PORTS.clientNetem, PORTS.clientSocat),
      bridge(devices.server, PORTS.serverNetem, PORTS.serverSocat),
    ];
    for (const [i, device] of Object.values(devices).entries()) {
      await waitUntil(() => ip('-n', namespace, 'link', 'show', 'dev', device).then(() => true), {
        timeoutMs: 10_000,
        process: socats[i],
        what: `tun device ${device}`,
      });
    }
    // The server end goes to this process's namespace, where nginx is; the clients' end stays.
    await ip('-n', namespace, 'link', 'set', 'dev', devices.server, 'netns', String(process.pid));
    await configureEnd(['-n', namespace], devices.clients, linkAddress, hostAddress);
    await ip('-n', namespace, 'route', 'add', 'local', clientRange, 'dev', 'lo');
    await configureEnd([], devices.server, hostAddress, linkAddress);
    await ip('route', 'add', clientRange, 'dev', devices.server);

    const connectMs: number[] = [];
    return {
      namespace,
      listenHost: hostAddress,
      latency: plan,
      agent: new NamespaceAgent(host, connectMs),
      sourceAddress: (i) => `10.${200 + k}.${i % 256}.${1 + ((i >> 8) % 254)}`,
      urlFor: (port) => `http://${hostAddress}:${port}`,
      connectMs,
      stats: () => linkStats(host),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One end of the point-to-point link: its address, no IPv6 of its own (nothing but our traffic on it), up. */
async function configureEnd(where: string[], device: string, address: string, peer: string): Promise<void> {
  await ip(...where, 'link', 'set', 'dev', device, 'addrgenmode', 'none');
  await ip(...where, 'addr', 'add', address, 'peer', peer, 'dev', device);
  await ip(...where, 'link', 'set', 'dev', device, 'up');
}

function linkStats(host: ManagedProcess): Promise<LinkStats | null> {
  if (!host.running()) return Promise.resolve(null);
  return new Promise((resolve) => {
    const onMessage = (message: HostMessage) => {
      if (!('stats' in message)) return;
      host.child.off('message', onMessage);
      resolve(message.stats);
    };
    host.child.on('message', onMessage);
    host.child.send({ stats: true });
  });
}

/** What the link did during part of a run. */
export interface LinkMeasurement {
  latency: LatencyPlan;
  /** TCP handshake (one round trip) of each connection opened, ms. */
  connectMs: number[];
  stats: LinkStats | null;
}

/** Starts measuring the link (null on loopback); the returned function ends the measurement. */
export async function measureLink(network: ClientNetwork): Promise<() => Promise<LinkMeasurement | null>> {
  const latency = network.latency;
  if (!latency) return async () => null;
  const connectsBefore = network.connectMs.length;
  const before = await network.stats();
  return async () => {
    const after = await network.stats();
    const minus = (a: DirectionStats, b: DirectionStats | undefined) => ({
      packets: a.packets - (b?.packets ?? 0),
      dropped: a.dropped - (b?.dropped ?? 0),
    });
    return {
      latency,
      connectMs: network.connectMs.slice(connectsBefore),
      stats: after && { upstream: minus(after.upstream, before?.upstream), downstream: minus(after.downstream, before?.downstream) },
    };
  };
}
