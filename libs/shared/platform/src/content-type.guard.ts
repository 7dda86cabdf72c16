import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import type { Request } from 'express';
import { DomainError } from '@auction/contracts';
import { UploadBody } from './upload.js';

/**
 * A request with a body must say what it is: `application/json` on every JSON route, `text/csv`
 * on the upload routes (`@UploadBody()`), which check their own media types. Anything else is 415 `UNSUPPORTED_MEDIA_TYPE` before a
 * pipe reads (or ignores) the body, so a form post can never pass for an empty JSON object.
 */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return true;
    if (readsUpload(context)) return true; // an upload route checks its formats itself
    if (request.is('application/json')) return true;
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
}

/** `Content-Length: 0` (what clients send on a bodiless POST) is no body. */
function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  return Number(request.headers['content-length'] ?? 0) > 0;
}

const uploadFactory = uploadBodyFactory();

function readsUpload(context: ExecutionContext): boolean {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) as
    | Record<string, { factory?: unknown }>
    | undefined;
  return Object.values(args ?? {}).some((arg) => arg.factory === uploadFactory);
}

/** The factory Nest stored for `@UploadBody()` (a param decorator keeps it in the route's arguments metadata). */
function uploadBodyFactory(): unknown {
  class Probe {
    handle(_upload: unknown): void {}
  }
  UploadBody()(Probe.prototype, 'handle', 0);
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handle') as Record<string, { factory?: unknown }>;
  return Object.values(args)[0]?.factory;
}
