import { Injectable } from '@nestjs/common';
import type { User } from '@auction/contracts';
import { UsersRepository } from '../../users/users.repository.js';

export interface CurrentUserInput {
  userId: string;
}

/** `GET /api/auth/me`: the signed-in user, or null when the account no longer exists. */
@Injectable()
export class CurrentUserQuery {
  constructor(private readonly users: UsersRepository) {}

  execute({ userId }: CurrentUserInput): Promise<User | null> {
    return this.users.findById(userId);
  }
}
