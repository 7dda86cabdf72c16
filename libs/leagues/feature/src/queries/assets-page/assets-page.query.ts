import { Injectable } from '@nestjs/common';
import type { Asset, AssetsQuery, Page } from '@auction/contracts';
import { AssetsRepository } from '../../catalogue/assets.repository.js';
import { decodeAssetCursor, encodeAssetCursor } from '../../catalogue/asset-cursor.js';
import { SportsConfig } from '../../catalogue/sports-config.js';

/** `GET /api/assets`, browsing the catalogue: only enabled sports, keyset-paginated in name order. */
@Injectable()
export class AssetsPageQuery {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly sports: SportsConfig,
  ) {}

  async execute(query: AssetsQuery): Promise<Page<Asset>> {
    const sports = query.sport ? [this.sports.require(query.sport).key] : this.sports.enabled.map((s) => s.key);
    const rows = await this.assets.page({
      sports,
      competition: query.competition,
      q: query.q || undefined,
      after: query.cursor ? decodeAssetCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeAssetCursor(last) : null };
  }
}
