import { csvDocument, type Asset, type SportKey } from '@auction/contracts';

/** The columns after `assetId,externalId,name,rank` that each sport's commissioners need to fill a CSV by hand. */
const EXTRA_COLUMNS: Readonly<Record<SportKey, ReadonlyArray<[string, (asset: Asset) => string]>>> = {
  football: [
    ['shortName', (asset) => asset.shortName ?? ''],
    ['country', (asset) => asset.team ?? ''],
    ['aliases', (asset) => asset.aliases.join('|')],
  ],
  cricket: [
    ['team', (asset) => asset.team ?? ''],
    ['role', (asset) => asset.role ?? ''],
    ['registryId', (asset) => asset.registryId ?? ''],
  ],
};

/** `GET /api/leagues/:id/assets.csv`: the pool in lot order, one row per asset, header first. */
export function poolCsv(sport: SportKey, assets: readonly Asset[]): string {
  const extras = EXTRA_COLUMNS[sport];
  const header = ['assetId', 'externalId', 'name', 'rank', ...extras.map(([column]) => column)];
  const rows = assets.map((asset) => [
    asset.id,
    asset.externalId,
    asset.name,
    String(asset.rank),
    ...extras.map(([, value]) => value(asset)),
  ]);
  return csvDocument([header, ...rows]);
}
