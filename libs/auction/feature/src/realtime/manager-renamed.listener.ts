import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@auction/realtime';
import { RenameManagerUseCase } from '../use-cases/rename-manager/rename-manager.use-case.js';

/** `user.renamed` from auth: snapshots and results show the new name, and open rooms get it at once. */
@Injectable()
export class ManagerRenamedListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly renameManager: RenameManagerUseCase,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('user.renamed', 'auction-engine', ({ userId, displayName }) => this.renameManager.execute({ userId, displayName }));
  }
}
