import type { AuctionResults, SportWords } from '@auction/contracts';

/** One CSV cell: quoted when needed, and safe to open in a spreadsheet (no formula injection). */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Array<Array<string | number>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Every roster with prices, one row per bought asset (a manager with none gets one empty row). */
export function resultsCsv(results: AuctionResults, words: SportWords): string {
  const rows: Array<Array<string | number>> = [
    ['Manager', words.asset, 'Price (£m)', 'Spent (£m)', 'Budget left (£m)'],
  ];
  for (const m of results.managers) {
    if (m.roster.length === 0) rows.push([m.displayName, '', '', m.spent, m.budgetRemaining]);
    for (const entry of m.roster) rows.push([m.displayName, entry.asset.name, entry.price, m.spent, m.budgetRemaining]);
  }
  return toCsv(rows);
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
