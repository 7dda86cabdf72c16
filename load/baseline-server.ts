/**
 * The limit beside us: a bare Socket.IO server with the same Redis adapter and heartbeat as the
 * auction engine, and no application logic. It speaks just enough of the room protocol for the
 * harness's bidders: `auction:join` answers a minimal snapshot (the lot's asset is the lot itself), `bid:place` is accepted when it
 * is above the high bid this process knows, answered and broadcast to the room. With
 * `BASELINE_SQL=on` the bid is decided by the product's own bid statements (bid-statements.ts:
 * the context read, then the accept or the stored refusal) on the real database, with nothing
 * else around them.
 * Run as `node --import tsx load/baseline-server.ts` with PORT, REDIS_URL (and DATABASE_URL).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { connectDatabase, createRedisClient } from '@auction/db';
import { bidStatements } from './bid-statements.js';

const port = Number(process.env.PORT);
const redisUrl = process.env.REDIS_URL!;
const withSql = process.env.BASELINE_SQL === 'on';
const HEARTBEAT = { pingInterval: 10_000, pingTimeout: 5_000 };

const http = createServer((request, response) => {
  response.writeHead(request.url === '/health/ready' ? 200 : 404).end();
});
const io = new Server(http, { path: '/socket.io', ...HEARTBEAT });
io.adapter(createAdapter(createRedisClient(redisUrl, 'io-pub'), createRedisClient(redisUrl, 'io-sub'), { requestsTimeout: 2000 }));

const database = withSql ? connectDatabase(process.env.DATABASE_URL!, { max: 10, applicationName: 'baseline' }) : null;
const bids = database ? await bidStatements(database) : null;
/** Without SQL: each room's lot and high bid as this process knows them. */
const rooms = new Map<string, { lotId: string; seq: number; highBid: number }>();
const roomOf = (auctionId: string) => {
  let room = rooms.get(auctionId);
  if (!room) rooms.set(auctionId, (room = { lotId: randomUUID(), seq: 0, highBid: 0 }));
  return room;
};

type Ack = (answer: unknown) => void;

/** Without SQL: accepted when above the high bid this process knows. */
function acceptInMemory(auctionId: string, amount: number): { seq: number; id: string; serverTime: string; endsAt: string } | null {
  const room = roomOf(auctionId);
  if (amount <= room.highBid) return null;
  room.highBid = amount;
  const serverTime = Date.now();
  return {
    seq: ++room.seq,
    id: randomUUID(),
    serverTime: new Date(serverTime).toISOString(),
    endsAt: new Date(serverTime + 8000).toISOString(),
  };
}

io.on('connection', (socket) => {
  const token = String(socket.handshake.auth?.token ?? '');
  const userId = (() => {
    try {
      return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub as string;
    } catch {
      return socket.id;
    }
  })();

  socket.on('auction:join', async ({ auctionId }: { auctionId: string }, ack: Ack) => {
    await socket.join(`auction:${auctionId}`);
    const lot = database
      ? ((
          await database.pool.query(
            'select a.seq, l.id, l.high_bid, l.high_bidder_id from auction.auctions a left join auction.lots l on l.auction_id = a.id and l.status = $2 where a.id = $1',
            [auctionId, 'open'],
          )
        ).rows[0] ?? null)
      : { ...roomOf(auctionId), id: roomOf(auctionId).lotId, high_bid: roomOf(auctionId).highBid, high_bidder_id: null };
    const currentLot = lot?.id ? { id: lot.id, asset: { id: lot.id }, highBid: lot.high_bid, highBidderId: lot.high_bidder_id } : null;
    const settings = { openingBid: 1 };
    ack({ ok: true, snapshot: { id: auctionId, seq: lot?.seq ?? 0, status: 'live', currentLot, lots: [], settings, nomination: null } });
  });

  socket.on('bid:place', async (bid: { auctionId: string; lotId: string; amount: number; clientBidId: string }, ack: Ack) => {
    const accepted = bids
      ? (await bids.decide({ auctionId: bid.auctionId, lotId: bid.lotId, bidderId: userId, clientBidId: bid.clientBidId }, bid.amount))
          .accepted
      : acceptInMemory(bid.auctionId, bid.amount);
    if (!accepted) return ack({ ok: false, error: { code: 'BID_TOO_LOW', message: 'below the high bid' } });
    const event = {
      auctionId: bid.auctionId,
      lotId: bid.lotId,
      seq: accepted.seq,
      amount: bid.amount,
      bidderId: userId,
      endsAt: accepted.endsAt,
      serverTime: accepted.serverTime,
    };
    ack({ ok: true, bid: { ...event, id: accepted.id, clientBidId: bid.clientBidId, createdAt: event.serverTime } });
    io.to(`auction:${bid.auctionId}`).emit('bid:accepted', event);
  });
});

http.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  io.close();
  void database?.pool.end();
  process.exit(0);
});
