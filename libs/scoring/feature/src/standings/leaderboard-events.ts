import { Injectable } from '@nestjs/common';
import { rooms } from '@auction/contracts';
import { RealtimePublisher } from '@auction/realtime';

/** Tells the league's room that its leaderboard changed, so open pages fetch it again. */
@Injectable()
export class LeaderboardEvents {
  constructor(private readonly publisher: RealtimePublisher) {}

  updated(leagueId: string): void {
    this.publisher.emit(rooms.league(leagueId), 'leaderboard:updated', { leagueId });
  }
}
