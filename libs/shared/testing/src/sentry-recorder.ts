import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One item of a Sentry envelope: its header (`type`: event, session, client_report, ...) and payload. */
export interface EnvelopeItem {
  type: string;
  payload: any;
}

export interface RecordedEnvelope {
  /** The envelope exactly as it arrived (decompressed), to search for data that must not be there. */
  raw: string;
  header: any;
  items: EnvelopeItem[];
}

/**
 * A stand-in Sentry ingest: a local HTTP server that records every envelope sent to
 * `/api/<project>/envelope/` and answers 200 as Sentry does. Point a DSN at `dsn`.
 */
export class SentryRecorder {
  readonly envelopes: RecordedEnvelope[] = [];
  private server: Server | null = null;
  private listeners = new Set<() => void>();
  private port = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS') return void res.writeHead(204, { 'access-control-allow-headers': '*' }).end();
      void readBody(req).then((body) => {
        if (/^\/api\/\d+\/envelope\/?$/.test(new URL(req.url ?? '/', 'http://x').pathname)) {
          this.envelopes.push(parseEnvelope(body));
          for (const listener of this.listeners) listener();
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.dsn;
  }

  get dsn(): string {
    return `http://public@127.0.0.1:${this.port}/1`;
  }

  /** Error events recorded so far (`event` items), with the raw envelope each came in. */
  events(matches: (event: any) => boolean = () => true): Array<{ event: any; raw: string }> {
    return this.envelopes.flatMap((envelope) =>
      envelope.items
        .filter((item) => item.type === 'event' && matches(item.payload))
        .map((item) => ({ event: item.payload, raw: envelope.raw })),
    );
  }

  /** Resolves with the first error event matching `matches`, waiting for it if needed. */
  nextEvent(matches: (event: any) => boolean, timeoutMs = 10_000): Promise<{ event: any; raw: string }> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events(matches)[0];
        if (!found) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching Sentry event within ${timeoutMs} ms; got ${this.envelopes.length} envelope(s)`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
}

/** Envelope format: a header line, then per item a header line and a payload (`length` bytes, or one line). */
export function parseEnvelope(raw: string): RecordedEnvelope {
  const bytes = Buffer.from(raw, 'utf8');
  let offset = 0;
  const readLine = (): string => {
    const end = bytes.indexOf(0x0a, offset);
    const line = bytes.subarray(offset, end === -1 ? bytes.length : end).toString('utf8');
    offset = end === -1 ? bytes.length : end + 1;
    return line;
  };
  const header = JSON.parse(readLine());
  const items: EnvelopeItem[] = [];
  while (offset < bytes.length) {
    const line = readLine();
    if (!line.trim()) continue;
    const itemHeader = JSON.parse(line) as { type: string; length?: number };
    let payloadText: string;
    if (typeof itemHeader.length === 'number') {
      payloadText = bytes.subarray(offset, offset + itemHeader.length).toString('utf8');
      offset += itemHeader.length + 1;
    } else {
      payloadText = readLine();
    }
    let payload: unknown = payloadText;
    try {
      payload = JSON.parse(payloadText);
    } catch {
      // an attachment or other non-JSON payload
    }
    items.push({ type: itemHeader.type, payload });
  }
  return { raw, header, items };
}
