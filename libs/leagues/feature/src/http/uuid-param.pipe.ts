import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError, uuid } from '@auction/contracts';

/** Path ids must be UUIDs: anything else is 422 `VALIDATION_FAILED` naming the parameter, on every route. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (uuid.safeParse(value).success) return value.toLowerCase();
    const name = metadata.data ?? 'id';
    throw new DomainError('VALIDATION_FAILED', `The ${name} in the path is not a valid id.`, {
      errors: [{ path: name, message: 'must be a UUID' }],
    });
  }
}
