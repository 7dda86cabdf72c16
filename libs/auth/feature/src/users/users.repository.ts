import { Inject, Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import type { User } from '@auction/contracts';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { users } from '../db/schema/index.js';

type Row = typeof users.$inferSelect;

@Injectable()
export class UsersRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** Creates the user on first sign-in; the email is already normalised. */
  async upsertByEmail(db: Database, email: string): Promise<User> {
    const [row] = await db
      .insert(users)
      .values({ email, displayName: defaultDisplayName(email) })
      .onConflictDoUpdate({ target: users.email, set: { email: sql`excluded.email` } })
      .returning();
    return toUser(row!);
  }

  async findById(id: string): Promise<User | null> {
    const [row] = await this.database.db.select().from(users).where(eq(users.id, id));
    return row ? toUser(row) : null;
  }

  async rename(id: string, displayName: string): Promise<User | null> {
    const [row] = await this.database.db.update(users).set({ displayName }).where(eq(users.id, id)).returning();
    return row ? toUser(row) : null;
  }
}

function defaultDisplayName(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local.slice(0, 60);
}

export function toUser(row: Row): User {
  return { id: row.id, email: row.email, displayName: row.displayName, createdAt: row.createdAt.toISOString() };
}
