import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The feature's layers and what each may import (besides itself). Edges (http, realtime,
 * scheduler) drive use cases and queries; use cases and queries work on data; model is the
 * feature's plain types and views. The use cases reach the room and the scheduler's timers only
 * through the abstract classes they own (`use-cases/shared/room-events.ts`, `due-times.ts`).
 * The scheduler's polls read due times from data directly.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  root: ['http', 'realtime', 'scheduler', 'use-cases', 'queries', 'data', 'model', 'metrics'],
  http: ['use-cases', 'queries', 'model', 'metrics'],
  realtime: ['use-cases', 'queries', 'model', 'metrics'],
  scheduler: ['use-cases', 'data', 'model', 'metrics'],
  'use-cases': ['data', 'model', 'metrics'],
  queries: ['data', 'model', 'metrics'],
  data: ['model'],
  model: [],
  metrics: [],
};

type ImportGraph = Map<string, string[]>;

/** A file's layer: its top folder under src; the composition files at the top are `root`. */
function layerOf(file: string): string {
  const [top, ...rest] = file.split('/');
  if (rest.length > 0) return top!;
  return file === 'metrics.ts' ? 'metrics' : 'root';
}

/** The files of src that `text` (the source of `file`, a path relative to src) imports. */
function importsOf(file: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => normalize(join(dirname(file), specifier)).replace(/\.js$/, '.ts'));
}

function importGraph(root: string): ImportGraph {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
  return new Map(files.map((file) => [file, importsOf(file, readFileSync(join(root, file), 'utf8'))]));
}

/** Every import a layer may not make, and every import cycle between files. */
function layerProblems(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    for (const imported of imports) {
      const [from, to] = [layerOf(file), layerOf(imported)];
      if (from !== to && !MAY_IMPORT[from]!.includes(to)) problems.push(`${file} → ${imported}: ${from} may not import ${to}`);
    }
  }
  return [...problems, ...cycles(graph).map((cycle) => `import cycle: ${cycle.join(' → ')}`)];
}

function cycles(graph: ImportGraph): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]): void => {
    const start = path.indexOf(file);
    if (start >= 0) return void found.push([...path.slice(start), file]);
    if (done.has(file)) return;
    for (const imported of graph.get(file) ?? []) visit(imported, [...path, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

const src = dirname(fileURLToPath(import.meta.url));

describe('layers of the auction feature', () => {
  it('imports only downwards and has no import cycles', () => {
    const graph = importGraph(src);
    expect(graph.size).toBeGreaterThan(40);
    expect(layerProblems(graph)).toEqual([]);
  });

  it('has a layer table without cycles', () => {
    const table: ImportGraph = new Map(Object.entries(MAY_IMPORT).map(([layer, allowed]) => [layer, [...allowed]]));
    expect(cycles(table)).toEqual([]);
  });

  it('catches a gateway that queries a repository', () => {
    const gateway = 'realtime/auction.gateway.ts';
    const text =
      "import { AuctionsRepository } from '../data/auctions.repository.js';\nimport type { Lot } from '../model/auction-state.js';";
    const graph: ImportGraph = new Map([[gateway, importsOf(gateway, text)]]);
    expect(layerProblems(graph)).toEqual(['realtime/auction.gateway.ts → data/auctions.repository.ts: realtime may not import data']);
  });

  it('catches a use case that imports the broadcaster or the lot closer', () => {
    const graph: ImportGraph = new Map([
      ['use-cases/place-bid/place-bid.use-case.ts', ['realtime/auction-broadcaster.ts', 'scheduler/lot-closer.ts']],
      ['realtime/auction-broadcaster.ts', []],
      ['scheduler/lot-closer.ts', []],
    ]);
    expect(layerProblems(graph)).toEqual([
      'use-cases/place-bid/place-bid.use-case.ts → realtime/auction-broadcaster.ts: use-cases may not import realtime',
      'use-cases/place-bid/place-bid.use-case.ts → scheduler/lot-closer.ts: use-cases may not import scheduler',
    ]);
  });

  it('catches an import cycle inside a layer', () => {
    const graph: ImportGraph = new Map([
      ['use-cases/close-lot/close-lot.use-case.ts', ['use-cases/shared/lot-settlement.ts']],
      ['use-cases/shared/lot-settlement.ts', ['use-cases/close-lot/close-lot.use-case.ts']],
    ]);
    expect(layerProblems(graph)).toEqual([
      'import cycle: use-cases/close-lot/close-lot.use-case.ts → use-cases/shared/lot-settlement.ts → use-cases/close-lot/close-lot.use-case.ts',
    ]);
  });

  it('places every file in a known layer', () => {
    const unknown = [...importGraph(src).keys()].filter((file) => !(layerOf(file) in MAY_IMPORT));
    expect(unknown).toEqual([]);
  });
});
