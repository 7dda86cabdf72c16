import type { MatchFileFormat } from '@auction/contracts';
import type { MatchFileRoute } from '../api/endpoints';

/** How the page names each format the server recognises. */
export const FORMAT_LABELS: Record<MatchFileFormat, string> = {
  'fixtures-csv': 'Fixtures CSV',
  'football-results-csv': 'Results CSV',
  'cricket-stats-csv': 'Player stats CSV',
  'football-data-csv': 'football-data.co.uk season file',
  'cricsheet-json': 'Cricsheet match file',
};

export interface PreparedFile {
  text: string;
  contentType: string;
  /** Which import takes it: fixtures CSVs go to fixtures, everything else to results (a season file goes to either). */
  route: MatchFileRoute;
}

/** The content type and import of a picked file, from its first character and header; the server decides the rest. */
export function prepareMatchFile(text: string): PreparedFile {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return { text, contentType: 'application/json', route: 'results' };
  const header = trimmed.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const route = header.replace(/\s/g, '').startsWith('externalMatchId,startsAt,') ? 'fixtures' : 'results';
  return { text, contentType: 'text/csv', route };
}
