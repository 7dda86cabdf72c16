import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@auction/realtime';
import { RenameManagerUseCase } from '../use-cases/rename-manager/rename-manager.use-case.js';

/** `user.renamed` from auth reaches the scoring copy of the manager's name. */
@Injectable()
export class ManagerRenamedListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly renameManager: RenameManagerUseCase,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('user.renamed', 'scoring', (event) => this.renameManager.execute(event));
  }
}
