import { csvDocument, type ClosedLot, type CsvValue } from '@auction/contracts';

export const RESULTS_CSV_HEADER = ['lotId', 'asset', 'assetId', 'status', 'winner', 'winnerId', 'price'] as const;

/**
 * `results.csv` (SPEC §8 "Exports"): one row per closed lot in the order they closed; an unsold
 * lot leaves winner, winnerId and price empty. `names` maps a manager's id to their display name.
 */
export function resultsCsv(lots: readonly ClosedLot[], names: ReadonlyMap<string, string>): string {
  const rows = lots.map((lot): CsvValue[] => {
    const sold = lot.status === 'sold' && lot.winnerId !== null;
    return [
      lot.lotId,
      lot.asset.name,
      lot.asset.id,
      lot.status,
      sold ? (names.get(lot.winnerId!) ?? '') : '',
      sold ? lot.winnerId! : '',
      sold && lot.price !== null ? lot.price : '',
    ];
  });
  return csvDocument([[...RESULTS_CSV_HEADER], ...rows]);
}
