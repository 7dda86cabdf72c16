import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AuctionCompletedEvent } from '@auction/contracts';
import type { Database, DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { leagueManagers, managerNames, rosterAssets } from '../db/schema/index.js';
import { chunks } from '../db/insert-chunks.js';

export interface RosterAsset {
  assetId: string;
  externalId: string;
  name: string;
}

export interface RosterManager {
  userId: string;
  displayName: string;
  spent: number;
  joinedAt: Date;
  assets: RosterAsset[];
}

@Injectable()
export class RostersRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** Makes the stored rosters exactly the auction's: storing the same auction twice changes nothing. */
  async replace(db: Database, auction: AuctionCompletedEvent): Promise<{ managers: number; assets: number }> {
    const { leagueId, auctionId } = auction;
    await db.delete(rosterAssets).where(eq(rosterAssets.leagueId, leagueId));
    await db.delete(leagueManagers).where(eq(leagueManagers.leagueId, leagueId));
    const renamed = await this.latestNames(
      db,
      auction.managers.map((manager) => manager.userId),
    );
    const managers = auction.managers.map((manager) => ({
      leagueId,
      userId: manager.userId,
      auctionId,
      displayName: renamed.get(manager.userId) ?? manager.displayName,
      budget: manager.budget,
      spent: manager.spent,
      joinedAt: new Date(manager.joinedAt),
    }));
    const assets = auction.managers.flatMap((manager) =>
      manager.roster.map((asset) => ({
        leagueId,
        assetId: asset.assetId,
        userId: manager.userId,
        externalId: asset.externalId,
        name: asset.name,
        price: asset.price,
        lotId: asset.lotId,
      })),
    );
    for (const chunk of chunks(managers)) await db.insert(leagueManagers).values(chunk);
    for (const chunk of chunks(assets)) await db.insert(rosterAssets).values(chunk);
    return { managers: managers.length, assets: assets.length };
  }

  /**
   * The user's name as a manager of every league's stored auction, and of any stored later.
   * False, changing nothing, when a later rename is already stored (events may arrive out of order).
   */
  async renameManager(db: Database, userId: string, displayName: string, renamedAt: Date): Promise<boolean> {
    const stored = await db
      .insert(managerNames)
      .values({ userId, displayName, renamedAt })
      .onConflictDoUpdate({
        target: managerNames.userId,
        set: { displayName, renamedAt },
        setWhere: sql`${managerNames.renamedAt} < excluded.renamed_at`,
      })
      .returning({ userId: managerNames.userId });
    if (stored.length === 0) return false;
    await db.update(leagueManagers).set({ displayName }).where(eq(leagueManagers.userId, userId));
    return true;
  }

  /** The names users chose by renaming (`user.renamed`), by user id; absent for a user who never renamed. */
  async latestNames(db: Database, userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .select()
      .from(managerNames)
      .where(inArray(managerNames.userId, [...userIds]));
    return new Map(rows.map((row) => [row.userId, row.displayName]));
  }

  async managers(db: Database, leagueId: string): Promise<RosterManager[]> {
    const [managerRows, assetRows] = await Promise.all([
      db.select().from(leagueManagers).where(eq(leagueManagers.leagueId, leagueId)),
      db
        .select({
          userId: rosterAssets.userId,
          assetId: rosterAssets.assetId,
          externalId: rosterAssets.externalId,
          name: rosterAssets.name,
        })
        .from(rosterAssets)
        .where(eq(rosterAssets.leagueId, leagueId))
        .orderBy(asc(rosterAssets.name), asc(rosterAssets.assetId)),
    ]);
    const byUser = new Map<string, RosterManager>(
      managerRows.map((row) => [
        row.userId,
        { userId: row.userId, displayName: row.displayName, spent: row.spent, joinedAt: row.joinedAt, assets: [] },
      ]),
    );
    for (const { userId, ...asset } of assetRows) byUser.get(userId)?.assets.push(asset);
    return [...byUser.values()];
  }

  async assetsOf(db: Database, leagueId: string, userId: string): Promise<RosterAsset[]> {
    return db
      .select({ assetId: rosterAssets.assetId, externalId: rosterAssets.externalId, name: rosterAssets.name })
      .from(rosterAssets)
      .where(and(eq(rosterAssets.leagueId, leagueId), eq(rosterAssets.userId, userId)))
      .orderBy(asc(rosterAssets.name), asc(rosterAssets.assetId));
  }

  /** The leagues among these whose auction has completed (their rosters are stored). */
  async leaguesWithRosters(leagueIds: string[]): Promise<Set<string>> {
    if (leagueIds.length === 0) return new Set();
    const rows = await this.database.db
      .selectDistinct({ leagueId: leagueManagers.leagueId })
      .from(leagueManagers)
      .where(inArray(leagueManagers.leagueId, leagueIds));
    return new Set(rows.map((row) => row.leagueId));
  }
}
