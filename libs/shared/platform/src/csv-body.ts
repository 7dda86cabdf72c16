import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@auction/contracts';

export const CSV_MAX_BYTES = 5 * 1024 * 1024;

/** The raw text of a `text/csv` body; any other content type is refused with 415. */
export const CsvBody = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  if (!request.is('text/csv') && !request.is('text/plain')) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv.');
  }
  if (typeof request.body !== 'string' || request.body.trim() === '') {
    throw new DomainError('VALIDATION_FAILED', 'The CSV file is empty.', {
      errors: [{ line: 1, message: 'the file is empty: a header row is required' }],
    });
  }
  return request.body;
});
