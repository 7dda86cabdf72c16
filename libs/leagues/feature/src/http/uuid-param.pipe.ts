import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError, uuid } from '@auction/contracts';

const WHAT: Record<string, string> = { id: 'league', userId: 'member' };

/**
 * Ids are UUIDs: a path id that is not one names nothing, so it is 404 `NOT_FOUND` on every
 * route (as in the auction and scoring services), never a database error.
 */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (uuid.safeParse(value).success) return value.toLowerCase();
    throw new DomainError('NOT_FOUND', `There is no such ${WHAT[metadata.data ?? ''] ?? 'resource'}.`);
  }
}
