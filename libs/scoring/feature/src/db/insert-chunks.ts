/** Splits rows for multi-row inserts, keeping each statement well under PostgreSQL's 65,535 parameters. */
export function chunks<T>(rows: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
