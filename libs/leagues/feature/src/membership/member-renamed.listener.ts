import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@auction/realtime';
import { MembersRepository } from '../leagues/members.repository.js';

/** `user.renamed` from auth: the member lists show the new name. */
@Injectable()
export class MemberRenamedListener implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly members: MembersRepository,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('user.renamed', 'leagues', (event) => this.members.rename(event.userId, event.displayName));
  }
}
