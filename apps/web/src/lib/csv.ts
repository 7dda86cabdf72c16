import { csvDocument, type AuctionResults, type CsvValue, type SportWords } from '@auction/contracts';

/** Every roster with prices, one row per bought asset (a manager with none gets one empty row). */
export function resultsCsv(results: AuctionResults, words: SportWords): string {
  const rows: CsvValue[][] = [['Manager', words.asset, 'Price (£m)', 'Spent (£m)', 'Budget left (£m)']];
  for (const m of results.managers) {
    if (m.roster.length === 0) rows.push([m.displayName, '', '', m.spent, m.budgetRemaining]);
    for (const entry of m.roster) rows.push([m.displayName, entry.asset.name, entry.price, m.spent, m.budgetRemaining]);
  }
  return csvDocument(rows);
}

/** Save text as a file from the browser. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
