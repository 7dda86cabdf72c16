import { Injectable } from '@nestjs/common';
import type { UserRenamedEvent } from '@auction/contracts';
import { MembersRepository } from '../../leagues/members.repository.js';

/** `user.renamed` from auth: the member lists show the new name. */
@Injectable()
export class RenameMemberUseCase {
  constructor(private readonly members: MembersRepository) {}

  execute({ userId, displayName }: UserRenamedEvent): Promise<void> {
    return this.members.rename(userId, displayName);
  }
}
