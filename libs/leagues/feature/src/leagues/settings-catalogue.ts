import { Injectable } from '@nestjs/common';
import type { Asset, SportKey } from '@auction/contracts';
import type { Database } from '@auction/db';
import { inMemoryCatalogue, type AssetCatalogue } from '@auction/leagues-domain';
import { AssetsRepository } from '../catalogue/assets.repository.js';

/** The database catalogue in the shape the settings rules read: the sport's assets plus any chosen ids (of whatever sport). */
@Injectable()
export class SettingsCatalogue {
  constructor(private readonly assets: AssetsRepository) {}

  async load(db: Database, sport: SportKey, chosenIds: readonly string[] = []): Promise<AssetCatalogue> {
    const ofSport = await this.assets.ofSport(db, sport);
    const known = new Set(ofSport.map((asset) => asset.id));
    const others = await this.assets.byIds(
      db,
      [...new Set(chosenIds)].filter((id) => !known.has(id)),
    );
    return inMemoryCatalogue([...ofSport, ...others] satisfies Asset[]);
  }
}
