import { Inject, Injectable } from '@nestjs/common';
import { rooms, type LeagueMember } from '@auction/contracts';
import type { Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { RealtimePublisher } from '@auction/realtime';

/** What the league lobby (Socket.IO room `league:<id>`) hears from this service. */
@Injectable()
export class LobbyEvents {
  constructor(
    private readonly publisher: RealtimePublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  memberJoined(leagueId: string, member: LeagueMember): void {
    this.safely(() => this.publisher.emit(rooms.league(leagueId), 'league:member_joined', { leagueId, member }));
  }

  memberLeft(leagueId: string, userId: string): void {
    this.safely(() => this.publisher.emit(rooms.league(leagueId), 'league:member_left', { leagueId, userId }));
  }

  /** The membership is already committed; a lost lobby update must not turn it into an error. */
  private safely(emit: () => void): void {
    try {
      emit();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'lobby event not published');
    }
  }
}
