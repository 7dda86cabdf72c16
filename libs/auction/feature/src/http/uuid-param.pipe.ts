import type { PipeTransform } from '@nestjs/common';
import { DomainError, uuid } from '@auction/contracts';

/** A path id that is not a UUID names nothing: 404, never a database error. */
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!uuid.safeParse(value).success) throw new DomainError('NOT_FOUND', 'There is no such auction.');
    return value;
  }
}
