import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@auction/db';
import { refreshTokens, users } from '../db/schema/index.js';

export interface StoredRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  familyExpiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  user: typeof users.$inferSelect;
}

@Injectable()
export class RefreshTokensRepository {
  async insert(db: Database, token: { tokenHash: string; familyId: string; userId: string; familyExpiresAt: Date }): Promise<void> {
    await db.insert(refreshTokens).values(token);
  }

  /** Reads a token and locks it (and its user's row), so two refreshes of one token are serialised. */
  async findForUpdate(db: Database, tokenHash: string): Promise<StoredRefreshToken | null> {
    const [row] = await db
      .select({ token: refreshTokens, user: users })
      .from(refreshTokens)
      .innerJoin(users, eq(users.id, refreshTokens.userId))
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .for('update');
    return row ? { ...row.token, user: row.user } : null;
  }

  async exists(db: Database, tokenHash: string): Promise<boolean> {
    const [row] = await db.select({ id: refreshTokens.id }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    return row !== undefined;
  }

  async markUsed(db: Database, id: string, now: Date): Promise<void> {
    await db.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, id));
  }

  async revokeFamily(db: Database, familyId: string, now: Date): Promise<void> {
    await db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }
}
