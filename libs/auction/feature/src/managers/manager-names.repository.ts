import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { managers } from '../db/schema/index.js';

@Injectable()
export class ManagerNamesRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** The user's name in every auction they manage (snapshots, results and completion events read it). */
  async rename(userId: string, displayName: string): Promise<void> {
    await this.database.db.update(managers).set({ displayName }).where(eq(managers.userId, userId));
  }
}
