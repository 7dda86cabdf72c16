import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@auction/realtime';
import { RenameMemberUseCase } from '../use-cases/rename-member/rename-member.use-case.js';

/** `user.renamed` from auth reaches the leagues copy of the member's name. */
@Injectable()
export class MemberRenamedListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly renameMember: RenameMemberUseCase,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('user.renamed', 'leagues', (event) => this.renameMember.execute(event));
  }
}
