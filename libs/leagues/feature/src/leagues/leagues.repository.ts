import { Inject, Injectable } from '@nestjs/common';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { LeagueStatus, MemberRole, SportKey } from '@auction/contracts';
import type { Database, DatabaseHandle } from '@auction/db';
import type { LeagueSettings } from '@auction/leagues-domain';
import { DATABASE } from '@auction/platform';
import { leagueAssets, leagueMembers, leagues } from '../db/schema/index.js';
import type { StoredLeague } from './league.js';

type Row = typeof leagues.$inferSelect;

export interface NewLeague {
  settings: LeagueSettings;
  inviteToken: string;
  commissionerId: string;
}

/** A league the user is in, with what "my competitions" shows. */
export interface CompetitionRow {
  league: StoredLeague;
  role: MemberRole;
  joinedAt: Date;
  managers: number;
}

@Injectable()
export class LeaguesRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async insert(db: Database, league: NewLeague): Promise<StoredLeague> {
    const { assetIds, ...settings } = league.settings;
    const [row] = await db
      .insert(leagues)
      .values({ ...settings, inviteToken: league.inviteToken, commissionerId: league.commissionerId })
      .returning();
    await this.insertPool(db, row!.id, assetIds);
    return toStored(row!);
  }

  async findById(db: Database, id: string): Promise<StoredLeague | null> {
    const [row] = await db.select().from(leagues).where(eq(leagues.id, id));
    return row ? toStored(row) : null;
  }

  /** Reads the league and locks its row until the transaction ends: joins, edits and the auction start queue here. */
  async findForUpdate(db: Database, id: string): Promise<StoredLeague | null> {
    const [row] = await db.select().from(leagues).where(eq(leagues.id, id)).for('update');
    return row ? toStored(row) : null;
  }

  async findByInviteToken(inviteToken: string): Promise<StoredLeague | null> {
    const [row] = await this.database.db.select().from(leagues).where(eq(leagues.inviteToken, inviteToken));
    return row ? toStored(row) : null;
  }

  async updateSettings(db: Database, id: string, settings: LeagueSettings, poolChanged: boolean): Promise<StoredLeague> {
    const { assetIds, ...columns } = settings;
    const [row] = await db
      .update(leagues)
      .set({ ...columns, updatedAt: sql`now()` })
      .where(eq(leagues.id, id))
      .returning();
    if (poolChanged) {
      await db.delete(leagueAssets).where(eq(leagueAssets.leagueId, id));
      await this.insertPool(db, id, assetIds);
    }
    return toStored(row!);
  }

  async setInviteToken(db: Database, id: string, inviteToken: string): Promise<void> {
    await db
      .update(leagues)
      .set({ inviteToken, updatedAt: sql`now()` })
      .where(eq(leagues.id, id));
  }

  async startAuction(db: Database, id: string, auctionId: string): Promise<StoredLeague> {
    const [row] = await db
      .update(leagues)
      .set({ status: 'auction', auctionId, updatedAt: sql`now()` })
      .where(eq(leagues.id, id))
      .returning();
    return toStored(row!);
  }

  /** Marks the league completed if `auctionId` is its auction; true when a row changed. */
  async completeAuction(id: string, auctionId: string): Promise<boolean> {
    const changed = await this.database.db
      .update(leagues)
      .set({ status: 'completed', updatedAt: sql`now()` })
      .where(and(eq(leagues.id, id), eq(leagues.auctionId, auctionId), eq(leagues.status, 'auction')))
      .returning({ id: leagues.id });
    return changed.length > 0;
  }

  /** The pool's asset ids in lot order. */
  async poolIds(db: Database, leagueId: string): Promise<string[]> {
    const rows = await db
      .select({ assetId: leagueAssets.assetId })
      .from(leagueAssets)
      .where(eq(leagueAssets.leagueId, leagueId))
      .orderBy(asc(leagueAssets.position));
    return rows.map((row) => row.assetId);
  }

  /** The user's leagues, most recently joined first, each with its member count. */
  async competitionsOf(userId: string): Promise<CompetitionRow[]> {
    const managers = sql<number>`(select count(*)::int from ${leagueMembers} m where m.league_id = ${leagues.id})`;
    const rows = await this.database.db
      .select({ league: leagues, role: leagueMembers.role, joinedAt: leagueMembers.joinedAt, managers })
      .from(leagueMembers)
      .innerJoin(leagues, eq(leagues.id, leagueMembers.leagueId))
      .where(eq(leagueMembers.userId, userId))
      .orderBy(desc(leagueMembers.joinedAt), asc(leagues.id));
    return rows.map((row) => ({ league: toStored(row.league), role: row.role, joinedAt: row.joinedAt, managers: Number(row.managers) }));
  }

  private async insertPool(db: Database, leagueId: string, assetIds: readonly string[]): Promise<void> {
    if (assetIds.length === 0) return;
    await db.insert(leagueAssets).values(assetIds.map((assetId, position) => ({ leagueId, assetId, position })));
  }
}

function toStored(row: Row): StoredLeague {
  return {
    id: row.id,
    name: row.name,
    sport: row.sport as SportKey,
    competition: row.competition,
    budget: row.budget,
    rosterSize: row.rosterSize,
    minManagers: row.minManagers,
    maxManagers: row.maxManagers,
    openingBid: row.openingBid,
    minIncrement: row.minIncrement,
    bidTimerSeconds: row.bidTimerSeconds,
    antiSnipeSeconds: row.antiSnipeSeconds,
    lotGapSeconds: row.lotGapSeconds,
    leadInSeconds: row.leadInSeconds,
    nominationOrder: row.nominationOrder,
    scoringRules: row.scoringRules,
    status: row.status as LeagueStatus,
    inviteToken: row.inviteToken,
    commissionerId: row.commissionerId,
    auctionId: row.auctionId,
    createdAt: row.createdAt,
  };
}
