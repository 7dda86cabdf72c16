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

/** A download's file name from a league's name: `spring-league-results.csv`. */
export function exportFileName(name: string | undefined, kind: 'results' | 'leaderboard'): string {
  return `${(name ?? kind).replace(/[^\w-]+/g, '-').toLowerCase()}-${kind}.csv`;
}
