import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import type { Request } from 'express';
import { DomainError } from '@auction/contracts';
import { UploadBody } from './upload.js';

/**
 * A request with a body must say what it is: `application/json` on every JSON route, `text/csv`
 * on the upload routes (`@UploadBody()`), which check their own media types. Anything else is 415 `UNSUPPORTED_MEDIA_TYPE` before a
 * pipe reads (or ignores) the body, so a form post can never pass for an empty JSON object.
 * An interceptor, not a guard: it runs after the route's guards, so who may call the route is
 * answered first (401 / 403) and only then what the body is.
 */
@Injectable()
export class ContentTypeCheck implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') requireJsonBody(context);
    return next.handle();
  }
}

function requireJsonBody(context: ExecutionContext): void {
  const request = context.switchToHttp().getRequest<Request>();
  if (!hasBody(request)) return;
  if (readsUpload(context)) return; // an upload route checks its formats itself
  if (request.is('application/json')) return;
  throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
}

/** `Content-Length: 0` (what clients send on a bodiless POST) is no body. */
function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  return Number(request.headers['content-length'] ?? 0) > 0;
}

const uploadFactory = uploadBodyFactory();

function readsUpload(context: ExecutionContext): boolean {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) as
    Record<string, { factory?: unknown }> | undefined;
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
