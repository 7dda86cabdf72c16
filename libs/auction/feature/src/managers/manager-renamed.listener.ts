import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@auction/realtime';
import { ManagerNamesRepository } from './manager-names.repository.js';

/** `user.renamed` from auth: snapshots and results show the new name. */
@Injectable()
export class ManagerRenamedListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly names: ManagerNamesRepository,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('user.renamed', 'auction-engine', (event) => this.names.rename(event.userId, event.displayName));
  }
}
