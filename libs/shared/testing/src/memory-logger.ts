import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@auction/observability';

/** A process logger that keeps its JSON lines in memory, for tests that read what was logged. */
export function memoryLogger(level: string): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('standalone', level, sink), lines };
}
