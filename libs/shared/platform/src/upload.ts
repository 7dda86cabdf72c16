import { setImmediate as nextTurn } from 'node:timers/promises';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@auction/contracts';

/** No upload route takes more than this, whatever its format; each format has its own, lower cap. */
export const UPLOAD_MAX_BYTES = 4 * 1024 * 1024;

/** How long an upload's reading may hold the event loop before it lets other work run. */
const TURN_MS = 5;

/**
 * A request body read as it arrives: the body parsers leave upload routes alone (see
 * `ServiceDefinition.uploadRoutes`, and no parser reads `text/csv`), so a large file is never held
 * whole unless the route asks for all of it. Past the byte cap the answer is 413
 * `PAYLOAD_TOO_LARGE` at once, without reading the rest.
 */
export class Upload {
  private cap = UPLOAD_MAX_BYTES;
  private what = 'an upload';
  private received = 0;
  private lastTurn = performance.now();

  constructor(private readonly request: Request) {}

  /** The media type without parameters, e.g. `text/csv`, `application/json`; '' when none was sent. */
  get mediaType(): string {
    return (this.request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  }

  get isCsv(): boolean {
    return this.mediaType === 'text/csv' || this.mediaType === 'text/plain';
  }

  get isJson(): boolean {
    return this.mediaType === 'application/json';
  }

  /** Lowers the byte cap, e.g. once the file's format is known; 413 at once if more has arrived already. */
  limitTo(bytes: number, what: string): this {
    this.cap = Math.min(this.cap, bytes);
    this.what = what;
    if (this.received > this.cap) this.refuse();
    return this;
  }

  /** The body's lines, without line ends, decoded as UTF-8; the reader yields to other work every few ms. */
  async *lines(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    let pending = '';
    let any = false;
    for await (const chunk of this.chunks()) {
      pending += decoder.decode(chunk, { stream: true });
      // A '\r' at the end may be the first half of '\r\n': keep it for the next chunk.
      const hold = pending.endsWith('\r');
      const pieces = (hold ? pending.slice(0, -1) : pending).split(/\r\n|\r|\n/);
      pending = pieces.pop()! + (hold ? '\r' : '');
      for (const piece of pieces) {
        any = true;
        yield piece;
        await this.pace();
      }
    }
    pending += decoder.decode();
    if (pending !== '' || !any) yield pending.replace(/\r$/, '');
  }

  /** The whole body as text, for formats that are read at once (within their cap). */
  async text(): Promise<string> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks()) parts.push(chunk);
    return Buffer.concat(parts).toString('utf8');
  }

  /** Gives other work (timers, I/O, other requests) a turn once this upload has held the loop for a while. */
  async pace(): Promise<void> {
    if (performance.now() - this.lastTurn < TURN_MS) return;
    await nextTurn();
    this.lastTurn = performance.now();
  }

  private async *chunks(): AsyncGenerator<Buffer> {
    const declared = Number(this.request.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.cap) this.refuse();
    // Not destroyed when reading stops early, so the answer still reaches the client (see `UploadBody`).
    for await (const chunk of this.request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      this.received += chunk.length;
      if (this.received > this.cap) this.refuse();
      yield chunk;
    }
  }

  private refuse(): never {
    const mb = (this.cap / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 2 });
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `This file is larger than ${mb} MB, the most ${this.what} may be. Split it and upload each part.`,
      {
        errors: [{ message: `more than ${this.cap} bytes` }],
      },
    );
  }
}

/**
 * The request body of an upload route, to be read by the route (see `Upload`). Whatever the route
 * left unread when it answered (a refused header, a file over its cap) is read and dropped, so the
 * connection stays usable for the client's next request.
 */
export const UploadBody = createParamDecorator((_: unknown, context: ExecutionContext): Upload => {
  const request = context.switchToHttp().getRequest<Request>();
  context
    .switchToHttp()
    .getResponse<Response>()
    .once('finish', () => {
      if (!request.readableEnded) request.resume();
    });
  return new Upload(request);
});

/** An upload that must be CSV: 415 for any other content type. */
export function requireCsv(upload: Upload): Upload {
  if (!upload.isCsv) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv.');
  return upload;
}

/** The empty-file refusal every CSV upload gives. */
export function emptyCsvFile(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'The CSV file is empty.', {
    errors: [{ line: 1, message: 'the file is empty: a header row is required' }],
  });
}
