import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import type { Request } from 'express';
import { DomainError } from '@auction/contracts';
import { CsvBody } from './csv-body.js';

/**
 * A request with a body must say what it is: `application/json` on every JSON route, `text/csv`
 * on the routes that read `@CsvBody()`. Anything else is 415 `UNSUPPORTED_MEDIA_TYPE` before a
 * pipe reads (or ignores) the body, so a form post can never pass for an empty JSON object.
 */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return true;
    if (readsCsv(context)) return true; // @CsvBody() checks text/csv itself
    if (request.is('application/json')) return true;
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
}

/** `Content-Length: 0` (what clients send on a bodiless POST) is no body. */
function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  return Number(request.headers['content-length'] ?? 0) > 0;
}

const csvFactory = csvBodyFactory();

function readsCsv(context: ExecutionContext): boolean {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) as
    | Record<string, { factory?: unknown }>
    | undefined;
  return Object.values(args ?? {}).some((arg) => arg.factory === csvFactory);
}

/** The factory Nest stored for `@CsvBody()` (a param decorator keeps it in the route's arguments metadata). */
function csvBodyFactory(): unknown {
  class Probe {
    handle(_csv: string): void {}
  }
  CsvBody()(Probe.prototype, 'handle', 0);
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handle') as Record<string, { factory?: unknown }>;
  return Object.values(args)[0]?.factory;
}
