import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { magicLinks, type SignInPurpose } from '../db/schema/index.js';

export type LinkState = 'missing' | 'used' | 'expired';

@Injectable()
export class MagicLinksRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async create(link: { tokenHash: string; email: string; purpose: SignInPurpose | null; expiresAt: Date }): Promise<void> {
    await this.database.db.insert(magicLinks).values(link);
  }

  /** Marks the link used if it is unused and unexpired; exactly one concurrent caller wins. */
  async consume(db: Database, tokenHash: string, now: Date): Promise<{ email: string; purpose: SignInPurpose | null } | null> {
    const [row] = await db
      .update(magicLinks)
      .set({ usedAt: now })
      .where(and(eq(magicLinks.tokenHash, tokenHash), isNull(magicLinks.usedAt), gt(magicLinks.expiresAt, now)))
      .returning({ email: magicLinks.email, purpose: magicLinks.purpose });
    return row ?? null;
  }

  async stateOf(tokenHash: string): Promise<LinkState> {
    const [row] = await this.database.db.select({ usedAt: magicLinks.usedAt }).from(magicLinks).where(eq(magicLinks.tokenHash, tokenHash));
    if (!row) return 'missing';
    return row.usedAt ? 'used' : 'expired';
  }
}
