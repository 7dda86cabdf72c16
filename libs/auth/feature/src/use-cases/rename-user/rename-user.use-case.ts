import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type User } from '@auction/contracts';
import type { Logger } from '@auction/observability';
import { CLOCK, LOGGER, type Clock } from '@auction/platform';
import { EventBus } from '@auction/realtime';
import { UsersRepository } from '../../users/users.repository.js';

export interface RenameUserInput {
  userId: string;
  displayName: string;
}

/**
 * `PATCH /api/auth/me {displayName}`: the new name, then `user.renamed` so every service's copy
 * (league members, auction managers, scoring) follows. Saving the same name again republishes it,
 * so a rename whose event did not get out is repaired by retrying.
 */
@Injectable()
export class RenameUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ userId, displayName }: RenameUserInput): Promise<User | null> {
    const user = await this.users.rename(userId, displayName);
    if (!user) return null;
    try {
      await this.bus.publish('user.renamed', { userId, displayName: user.displayName, renamedAt: this.clock.now().toISOString() });
    } catch (error) {
      this.logger.error({ userId, err: (error as Error).message }, 'user.renamed not published');
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        'Your new name is saved, but other managers may not see it yet. Please save it again in a moment.',
      );
    }
    return user;
  }
}
