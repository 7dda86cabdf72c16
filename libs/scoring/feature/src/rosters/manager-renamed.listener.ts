import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@auction/realtime';
import { LeagueTransactions } from '../db/league-transactions.js';
import { StandingsRepository } from '../standings/standings.repository.js';
import { RostersRepository } from './rosters.repository.js';

/** `user.renamed` from auth: leaderboards and stored rosters show the new name (points are untouched). */
@Injectable()
export class ManagerRenamedListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly transactions: LeagueTransactions,
    private readonly rosters: RostersRepository,
    private readonly standings: StandingsRepository,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('user.renamed', 'scoring', (event) =>
      this.transactions.acrossLeagues(async (db) => {
        await this.rosters.renameManager(db, event.userId, event.displayName);
        await this.standings.rename(db, event.userId, event.displayName);
      }),
    );
  }
}
