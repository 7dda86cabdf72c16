import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '@auction/db';
import { leaguesService } from '@auction/leagues';
import { RealtimePublisher, type RealtimeServer } from '@auction/realtime';
import { startTestStack, testRedisUrl, testUser, waitFor, type TestStack } from '@auction/testing';
import { createLeague, expectProblem, join, leagueWithMembers, sqlRows, startAuction } from './support.js';

interface Emitted {
  room: string;
  event: string;
  payload: { leagueId: string; member?: { userId: string; displayName: string; role: string; joinedAt: string }; userId?: string };
}

/** Stands in for the gateway's Socket.IO server, recording what the publisher sends to rooms. */
class RecordingServer {
  readonly emitted: Emitted[] = [];
  private readonly listeners = new Set<(value: Emitted) => void>();

  to(room: string) {
    return {
      emit: (event: string, payload: Emitted['payload']) => {
        const value = { room, event, payload };
        this.emitted.push(value);
        for (const listener of this.listeners) listener(value);
      },
    };
  }

  next(matches: (value: Emitted) => boolean): Promise<Emitted> {
    return waitFor<Emitted>((listener) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    }, matches);
  }
}

describe('joining a league with the invite token', () => {
  let stack: TestStack;
  const lobby = new RecordingServer();

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService] });
    stack.app.get(RealtimePublisher).attachServer(lobby as unknown as RealtimeServer);
  });
  afterAll(() => stack.close());

  it('answers the membership and tells the lobby', async () => {
    const league = await createLeague(stack, testUser('commissioner'));
    const newcomer = testUser('Bea');
    const heard = lobby.next((e) => e.event === 'league:member_joined' && e.payload.member?.userId === newcomer.id);
    const answer = await join(stack, newcomer, league.inviteToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      leagueId: league.id,
      userId: newcomer.id,
      displayName: 'Bea',
      role: 'manager',
      joinedAt: expect.any(String),
    });
    expect(await heard).toEqual({
      room: `league:${league.id}`,
      event: 'league:member_joined',
      payload: {
        leagueId: league.id,
        member: { userId: newcomer.id, displayName: 'Bea', role: 'manager', joinedAt: answer.body.joinedAt },
      },
    });
  });

  it('is idempotent: 20 concurrent joins of one user make exactly one membership and one lobby event', async () => {
    const league = await createLeague(stack, testUser('commissioner'));
    const newcomer = testUser('eager');
    const answers = await Promise.all(Array.from({ length: 20 }, () => join(stack, newcomer, league.inviteToken)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.joinedAt)).size).toBe(1);

    const rows = await sqlRows(stack, 'select user_id from leagues.league_members where league_id = $1 and user_id = $2', [
      league.id,
      newcomer.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(lobby.emitted.filter((e) => e.payload.member?.userId === newcomer.id)).toHaveLength(1);

    const again = await join(stack, newcomer, league.inviteToken);
    expect(again.body.joinedAt).toBe(answers[0]!.body.joinedAt);
  });

  it('refuses an unknown token with 404 and a malformed body with 422', async () => {
    const user = testUser();
    expectProblem(await join(stack, user, 'x'.repeat(32)), 404, 'NOT_FOUND');
    expectProblem(await join(stack, user, 'short'), 422, 'VALIDATION_FAILED');
    expectProblem(
      await stack.api.post('/api/leagues/join', { inviteToken: 'x'.repeat(32), role: 'commissioner' }, { token: user.token }),
      422,
      'VALIDATION_FAILED',
    );
    expectProblem(await stack.api.post('/api/leagues/join', { inviteToken: 'x'.repeat(32) }), 401, 'UNAUTHORIZED');
  });

  it('refuses 409 LEAGUE_FULL at the maximum, even when many join at once', async () => {
    const league = await createLeague(stack, testUser('commissioner'), { maxManagers: 4 });
    const crowd = Array.from({ length: 12 }, (_, i) => testUser(`fan${i}`));
    const answers = await Promise.all(crowd.map((user) => join(stack, user, league.inviteToken)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused).toHaveLength(9);
    for (const answer of refused) expectProblem(answer, 409, 'LEAGUE_FULL');
    const [count] = await sqlRows<{ n: number }>(stack, 'select count(*)::int as n from leagues.league_members where league_id = $1', [
      league.id,
    ]);
    expect(count!.n).toBe(4);

    // A member already in is not refused by the limit.
    const member = crowd[answers.findIndex((a) => a.status === 200)]!;
    expect((await join(stack, member, league.inviteToken)).status).toBe(200);
  });

  it('refuses 409 AUCTION_STARTED once the auction has started, but members still get their membership', async () => {
    const { league, commissioner, members } = await leagueWithMembers(stack, 1);
    expect((await startAuction(stack, league.id, commissioner.id, crypto.randomUUID())).status).toBe(200);
    expectProblem(await join(stack, testUser('late'), league.inviteToken), 409, 'AUCTION_STARTED');
    expect((await join(stack, members[0]!, league.inviteToken)).status).toBe(200);
  });

  it('a member removed by the commissioner leaves the lobby', async () => {
    const { league, commissioner, members } = await leagueWithMembers(stack, 1);
    const heard = lobby.next((e) => e.event === 'league:member_left' && e.payload.leagueId === league.id);
    await stack.api.delete(`/api/leagues/${league.id}/members/${members[0]!.id}`, { token: commissioner.token });
    expect((await heard).payload).toEqual({ leagueId: league.id, userId: members[0]!.id });
  });
});

describe('lobby events in cluster mode go through the Redis emitter', () => {
  let stack: TestStack;
  let subscriber: Redis;

  beforeAll(async () => {
    stack = await startTestStack({ services: [leaguesService], redis: true });
    subscriber = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    subscriber.disconnect();
    await stack.close();
  });

  it('publishes league:member_joined to the league room’s channel, once per new membership', async () => {
    const league = await createLeague(stack, testUser('commissioner'));
    const messages: Buffer[] = [];
    const listeners = new Set<(message: Buffer) => void>();
    subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => {
      messages.push(message);
      for (const listener of listeners) listener(message);
    });
    await subscriber.subscribe(`socket.io#/#league:${league.id}#`);
    const next = (userId: string) =>
      waitFor<Buffer>(
        (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        (message) => message.includes(userId),
      );

    const first = testUser('Cai');
    const heardFirst = next(first.id);
    expect((await join(stack, first, league.inviteToken)).status).toBe(200);
    const message = await heardFirst;
    for (const part of ['league:member_joined', league.id, first.id, 'Cai', 'manager']) expect(message.includes(part)).toBe(true);

    // A repeat join publishes nothing: the next message on the channel is the next newcomer's.
    expect((await join(stack, first, league.inviteToken)).status).toBe(200);
    const second = testUser('Dee');
    const heardSecond = next(second.id);
    await join(stack, second, league.inviteToken);
    await heardSecond;
    expect(messages).toHaveLength(2);
  });
});
