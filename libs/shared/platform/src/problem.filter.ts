import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { DomainError, ERROR_STATUS, type ErrorCode, type Problem } from '@auction/contracts';
import { captureError, safePath, type Logger } from '@auction/observability';
import { unavailableDependency } from './unavailable.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Turns every error into RFC 9457 problem+json with a stable code; internals never leak. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const requestId = request.id;
    const problem = toProblem(error, safePath(request.originalUrl ?? request.url));
    problem.requestId = requestId;
    if (problem.status >= 500) {
      this.logger.error({ err: error, reqId: requestId }, 'unexpected error');
      captureError(error, requestId);
    }
    if (error instanceof DomainError && error.extras.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.extras.retryAfterSeconds))));
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

export function toProblem(error: unknown, instance: string): Problem {
  const unavailable = unavailableDependency(error);
  if (unavailable) return problem(unavailable.code, unavailable.status, unavailable.message, instance);
  if (error instanceof DomainError) {
    const answer = problem(error.code, error.status, error.message, instance, error.extras.errors);
    return error.extras.errorCount === undefined ? answer : { ...answer, errorCount: error.extras.errorCount };
  }
  if (error instanceof ZodError) {
    return problem('VALIDATION_FAILED', 422, 'The request is not valid.', instance, zodErrors(error));
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    return problem(code, status, httpMessage(error), instance);
  }
  const status = bodyParserStatus(error);
  if (status) return problem(STATUS_CODES[status] ?? 'VALIDATION_FAILED', status, describeBodyError(status), instance);
  return problem('INTERNAL', 500, 'Something went wrong on our side. Please try again.', instance);
}

function problem(code: ErrorCode, status: number, detail: string, instance: string, errors?: Problem['errors']): Problem {
  return {
    type: `urn:auction:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: titleOf(code),
    status: status ?? ERROR_STATUS[code],
    code,
    detail,
    instance,
    ...(errors ? { errors } : {}),
  };
}

export function zodErrors(error: ZodError): NonNullable<Problem['errors']> {
  return error.issues.map((issue) => ({
    path: issue.path.join('.') || undefined,
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

function titleOf(code: ErrorCode): string {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function httpMessage(error: HttpException): string {
  const status = error.getStatus();
  if (status === 404) return 'No such resource.';
  const body = error.getResponse();
  const message = typeof body === 'object' && body && 'message' in body ? (body as { message: unknown }).message : body;
  return typeof message === 'string' ? message : error.message;
}

/** body-parser errors carry a status and a type (entity.too.large, entity.parse.failed, …). */
function bodyParserStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || !error || !('type' in error) || !('status' in error)) return undefined;
  const status = Number((error as { status: unknown }).status);
  return status >= 400 && status < 500 ? status : undefined;
}

function describeBodyError(status: number): string {
  if (status === 413) return 'The request body is too large.';
  if (status === 415) return 'This content type is not accepted here.';
  return 'The request body could not be read (malformed JSON or encoding).';
}
