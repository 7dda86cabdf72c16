import { DomainError, type MatchFileFormat, type ScoringContext } from '@auction/contracts';
import { emptyCsvFile, type Upload } from '@auction/platform';
import {
  csvFormatOf,
  csvHeaderRule,
  CsvTable,
  cricketStatsCsvFormat,
  fixturesCsvFormat,
  footballDataCsvFormat,
  footballResultsCsvFormat,
  FORMAT_NAMES,
  parseCricsheetMatch,
  UPLOAD_LIMITS,
  type CricketStatRow,
  type CricsheetMatch,
  type CsvError,
  type CsvFormat,
  type FixtureRow,
  type FootballResultRow,
  type MatchCsvOptions,
  type SeasonRow,
} from '@auction/scoring-domain';
import { csvInvalid } from '../csv-invalid.js';
import { entryKey } from '../results/player-stats.repository.js';
import { playerDirectory, teamResolver } from '../fixtures/team-resolver.js';

export type ImportRoute = 'fixtures' | 'results';

type Player = ScoringContext['catalogue'][number];

export type MatchFile =
  | { format: 'fixtures-csv'; rows: FixtureRow[] }
  | { format: 'football-results-csv'; rows: FootballResultRow[] }
  | { format: 'cricket-stats-csv'; rows: Array<CricketStatRow<Player>> }
  | { format: 'football-data-csv'; rows: SeasonRow[] }
  | { format: 'cricsheet-json'; match: CricsheetMatch };

/** Which formats each import of each sport takes (SPEC §4, §9). */
const ACCEPTED: Readonly<Record<ImportRoute, Record<ScoringContext['sport'], readonly MatchFileFormat[]>>> = {
  fixtures: { football: ['fixtures-csv', 'football-data-csv'], cricket: ['fixtures-csv'] },
  results: { football: ['football-results-csv', 'football-data-csv'], cricket: ['cricket-stats-csv', 'cricsheet-json'] },
};

/**
 * Reads and checks an uploaded match file as it arrives, before any lock is taken: the format
 * from the content type and the CSV header, then every row (or the whole JSON) against the
 * league. Any bad line or path: 422 `CSV_INVALID`, nothing read further is stored.
 */
export async function readMatchFile(
  upload: Upload,
  route: ImportRoute,
  context: ScoringContext,
  knownMatches: ReadonlySet<string>,
): Promise<MatchFile> {
  const accepted = ACCEPTED[route][context.sport];
  if (upload.isJson) {
    if (!accepted.includes('cricsheet-json')) {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        `The ${route} import of a ${context.sport} league takes CSV (text/csv): ${describe(accepted)}.`,
      );
    }
    return readCricsheet(upload);
  }
  if (!upload.isCsv) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send ${describe(accepted)} (${accepted.includes('cricsheet-json') ? 'text/csv or application/json' : 'text/csv'}).`,
    );
  }
  return readCsv(upload, accepted, context, knownMatches);
}

async function readCricsheet(upload: Upload): Promise<MatchFile> {
  const limits = UPLOAD_LIMITS['cricsheet-json'];
  const text = await upload.limitTo(limits.bytes, FORMAT_NAMES['cricsheet-json']).text();
  const parsed = parseCricsheetMatch(text);
  if (!parsed.match) throw csvInvalid(parsed.errors);
  const deliveries = parsed.match.innings.reduce(
    (sum, innings) => sum + (innings.overs ?? []).reduce((n, over) => n + over.deliveries.length, 0),
    0,
  );
  if (deliveries > limits.rows) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `This match file has ${deliveries} deliveries; one upload may have at most ${limits.rows}.`,
      {
        errors: [{ path: 'innings', message: `more than ${limits.rows} deliveries` }],
      },
    );
  }
  return { format: 'cricsheet-json', match: parsed.match };
}

async function readCsv(
  upload: Upload,
  accepted: readonly MatchFileFormat[],
  context: ScoringContext,
  knownMatches: ReadonlySet<string>,
): Promise<MatchFile> {
  const lines = upload.lines();
  const first = await lines.next();
  const header = first.done ? '' : first.value;
  if (header.trim() === '') {
    for await (const line of lines)
      if (line.trim() !== '') throw csvInvalid([{ line: 1, message: headerMessage(null, accepted, context.sport, '') }]);
    throw emptyCsvFile();
  }
  const format = csvFormatOf(header);
  if (!format || !accepted.includes(format))
    throw csvInvalid([{ line: 1, message: headerMessage(format, accepted, context.sport, header) }]);
  const limits = UPLOAD_LIMITS[format];
  upload.limitTo(limits.bytes, FORMAT_NAMES[format]);
  const options: MatchCsvOptions = { isKnownMatch: (id) => knownMatches.has(id) };
  /** Every row, or 422 listing every bad line, `extraChecks` of the good rows included. */
  const read = async <Row extends { line: number }>(
    csvFormat: CsvFormat<Row>,
    extraChecks: (rows: Row[]) => CsvError[] = () => [],
  ): Promise<Row[]> => {
    const table = new CsvTable(csvFormat, limits.rows);
    table.push(header);
    for await (const line of lines) table.push(line);
    const { rows, errors } = table.result();
    const all = [...errors, ...extraChecks(rows)].sort((a, b) => a.line - b.line);
    if (all.length > 0) throw csvInvalid(all);
    return rows;
  };
  switch (format) {
    case 'fixtures-csv':
      return { format, rows: await read(fixturesCsvFormat(teamResolver(context))) };
    case 'football-results-csv':
      return { format, rows: await read(footballResultsCsvFormat(options)) };
    case 'football-data-csv':
      return { format, rows: await read(footballDataCsvFormat(teamResolver(context))) };
    case 'cricket-stats-csv': {
      const directory = playerDirectory(context);
      return {
        format,
        rows: await read(
          cricketStatsCsvFormat((value) => directory.byIdOrName(value), options),
          repeatsUnderAnotherName,
        ),
      };
    }
  }
}

function headerMessage(format: MatchFileFormat | null, accepted: readonly MatchFileFormat[], sport: string, header: string): string {
  const rules = accepted.filter((candidate) => candidate !== 'cricsheet-json').map(csvHeaderRule);
  const found = format ? `this is ${FORMAT_NAMES[format]}, which this import of a ${sport} league does not take; ` : '';
  const shown = header.trim().replace(/\0/g, '\\0').slice(0, 200);
  return `${found}the header must ${rules.join(', or ')}${format ? '' : ` but is "${shown}"`}`;
}

function describe(formats: readonly MatchFileFormat[]): string {
  return formats.map((format) => FORMAT_NAMES[format]).join(' or ');
}

/** The parser finds a player twice in a match by the value as typed; this finds "Tom Latham" after "nz-tom-latham". */
function repeatsUnderAnotherName(rows: ReadonlyArray<CricketStatRow<Player>>): CsvError[] {
  const firstLine = new Map<string, number>();
  const errors: CsvError[] = [];
  for (const row of rows) {
    const key = entryKey(row.externalMatchId, row.player.externalId);
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, row.line);
    else {
      errors.push({
        line: row.line,
        message: `player "${row.playerExternalId}" already has a row for match "${row.externalMatchId}" on line ${first}`,
      });
    }
  }
  return errors;
}
