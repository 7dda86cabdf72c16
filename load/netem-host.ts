/**
 * The process that runs inside the load run's network namespace (see client-network.ts), as
 * `ip netns exec NS node --import tsx load/netem-host.ts`, with an IPC channel to the harness:
 *
 * - **netem in user space.** The two tun devices of the namespace's link are bridged by socat
 *   to two UDP ports on the namespace's loopback, one datagram per IP packet. Every packet
 *   from one side is held for the delay ± jitter (uniform, each way), dropped with the loss
 *   probability, and passed to the other side. Packets keep their order in each direction, as
 *   on a real mobile link (jitter that reordered segments would have TCP see false losses).
 * - **sockets of the namespace.** On `{id, host, port, localAddress}` it opens a TCP connection
 *   from here (so its packets cross the link) and hands the connected socket to the harness
 *   over IPC; the harness reads and writes it as its own. `{stats: true}` answers the packet
 *   counts so far.
 *
 * Environment: NETEM_DELAY_MS, NETEM_JITTER_MS, NETEM_LOSS_PERCENT, and the UDP ports
 * NETEM_CLIENT_PORT / NETEM_CLIENT_PEER (socat of the clients' tun) and NETEM_SERVER_PORT /
 * NETEM_SERVER_PEER (socat of the tun moved to the harness's namespace).
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import { z } from 'zod';

const env = z
  .object({
    NETEM_DELAY_MS: z.coerce.number().min(0).max(10_000),
    NETEM_JITTER_MS: z.coerce.number().min(0).max(10_000),
    NETEM_LOSS_PERCENT: z.coerce.number().min(0).max(100),
    NETEM_CLIENT_PORT: z.coerce.number().int(),
    NETEM_CLIENT_PEER: z.coerce.number().int(),
    NETEM_SERVER_PORT: z.coerce.number().int(),
    NETEM_SERVER_PEER: z.coerce.number().int(),
  })
  .parse(process.env);

const LOOPBACK = '127.0.0.1';

export interface DirectionStats {
  packets: number;
  dropped: number;
}

export interface ConnectRequest {
  id: number;
  host: string;
  port: number;
  localAddress: string;
}

export type HostMessage =
  | { id: number; ok: true; connectMs: number }
  | { id: number; ok: false; message: string }
  | { stats: { upstream: DirectionStats; downstream: DirectionStats } }
  | { ready: true };

/** One direction of the link: a FIFO of packets, each released at its due time, and one timer for the head. */
function direction(from: UdpSocket, to: UdpSocket, peerPort: number): DirectionStats {
  const stats: DirectionStats = { packets: 0, dropped: 0 };
  const queue: Array<{ due: number; packet: Buffer }> = [];
  let lastDue = 0;
  let timer: NodeJS.Timeout | null = null;
  const release = () => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.due <= now + 0.5) to.send(queue.shift()!.packet, peerPort, LOOPBACK);
    if (queue.length > 0) timer = setTimeout(release, queue[0]!.due - now);
  };
  from.on('message', (packet) => {
    stats.packets++;
    if (Math.random() * 100 < env.NETEM_LOSS_PERCENT) {
      stats.dropped++;
      return;
    }
    const jitter = (Math.random() * 2 - 1) * env.NETEM_JITTER_MS;
    lastDue = Math.max(lastDue, performance.now() + env.NETEM_DELAY_MS + jitter);
    queue.push({ due: lastDue, packet });
    timer ??= setTimeout(release, lastDue - performance.now());
  });
  return stats;
}

function bind(port: number): Promise<UdpSocket> {
  const socket = createSocket({ type: 'udp4', recvBufferSize: 8 << 20, sendBufferSize: 8 << 20 });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, LOOPBACK, () => resolve(socket));
  });
}

function send(message: HostMessage, handle?: Socket): void {
  process.send!(message, handle);
}

const clientSide = await bind(env.NETEM_CLIENT_PORT);
const serverSide = await bind(env.NETEM_SERVER_PORT);
const upstream = direction(clientSide, serverSide, env.NETEM_SERVER_PEER);
const downstream = direction(serverSide, clientSide, env.NETEM_CLIENT_PEER);

process.on('message', (message: ConnectRequest | { stats: true }) => {
  if ('stats' in message) return send({ stats: { upstream, downstream } });
  const started = performance.now();
  const socket = connect({ host: message.host, port: message.port, localAddress: message.localAddress });
  const failed = (error: Error) => send({ id: message.id, ok: false, message: error.message });
  socket.once('error', failed);
  socket.once('connect', () => {
    socket.off('error', failed);
    send({ id: message.id, ok: true, connectMs: performance.now() - started }, socket);
  });
});
// The harness going away (its IPC channel closed) ends this process.
process.on('disconnect', () => process.exit(0));
send({ ready: true });
