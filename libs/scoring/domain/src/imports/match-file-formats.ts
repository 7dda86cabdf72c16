import type { MatchFileFormat } from '@auction/contracts';
import { CRICKET_STAT_COLUMNS } from '../csv/cricket-stats-csv.js';
import { FIXTURE_COLUMNS } from '../csv/fixtures-csv.js';
import { FOOTBALL_DATA_COLUMNS } from '../csv/football-data-csv.js';
import { FOOTBALL_RESULT_COLUMNS } from '../csv/football-results-csv.js';

const MiB = 1024 * 1024;

/**
 * The most one upload of each format may hold (docs/match-data.md "Limits"): well above any real
 * file (a Premier League season is 380 rows and ~200 KB; a cricket league of 500 managers has
 * 5,500 stat lines a match; a five-day Test on Cricsheet ~1 MB and ~2,800 deliveries), low enough that eight at once leave the process responsive. `rows` counts
 * data rows of a CSV, deliveries of a Cricsheet file.
 */
export const UPLOAD_LIMITS: Readonly<Record<MatchFileFormat, { bytes: number; rows: number }>> = {
  'fixtures-csv': { bytes: MiB / 2, rows: 2_000 },
  'football-results-csv': { bytes: MiB / 4, rows: 2_000 },
  'cricket-stats-csv': { bytes: 1 * MiB, rows: 10_000 },
  'football-data-csv': { bytes: 1 * MiB, rows: 2_000 },
  'cricsheet-json': { bytes: 4 * MiB, rows: 10_000 },
};

/** How the commissioner would name each format. */
export const FORMAT_NAMES: Readonly<Record<MatchFileFormat, string>> = {
  'fixtures-csv': 'a fixtures CSV',
  'football-results-csv': 'a football results CSV',
  'cricket-stats-csv': 'a cricket player stats CSV',
  'football-data-csv': 'a football-data.co.uk season CSV',
  'cricsheet-json': 'a Cricsheet match file',
};

/** The formats that are CSV files, told apart by their header. */
export type CsvMatchFormat = Exclude<MatchFileFormat, 'cricsheet-json'>;

const CSV_HEADERS: ReadonlyArray<[CsvMatchFormat, readonly string[], 'exact' | 'prefix']> = [
  ['fixtures-csv', FIXTURE_COLUMNS, 'exact'],
  ['football-results-csv', FOOTBALL_RESULT_COLUMNS, 'exact'],
  ['cricket-stats-csv', CRICKET_STAT_COLUMNS, 'exact'],
  ['football-data-csv', FOOTBALL_DATA_COLUMNS, 'prefix'],
];

/** The CSV format a header line announces, or null. */
export function csvFormatOf(headerLine: string): CsvMatchFormat | null {
  const cells = headerLine
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((cell) => cell.trim());
  for (const [format, columns, rule] of CSV_HEADERS) {
    const compared = rule === 'prefix' ? cells.slice(0, columns.length) : cells;
    if (compared.join(',') === columns.join(',')) return format;
  }
  return null;
}

/** What a CSV of the format must begin with, for messages: `exactly "…"` or `begin with "…"`. */
export function csvHeaderRule(format: MatchFileFormat): string {
  const found = CSV_HEADERS.find(([candidate]) => candidate === format);
  if (!found) return '';
  return `${found[2] === 'prefix' ? 'begin with' : 'be exactly'} "${found[1].join(',')}" (${FORMAT_NAMES[format]})`;
}
