import { z } from 'zod';
import { DomainError, text } from '@auction/contracts';

export interface AssetCursor {
  name: string;
  id: string;
}

const cursorShape = z.tuple([text({ max: 200 }), z.uuid()]);

/** Opaque to clients: the (name, id) of the last asset of a page. */
export function encodeAssetCursor(cursor: AssetCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id]), 'utf8').toString('base64url');
}

export function decodeAssetCursor(text: string): AssetCursor {
  try {
    const [name, id] = cursorShape.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { name, id };
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The cursor is not valid; start again from the first page.', {
      errors: [{ path: 'cursor', message: 'not a cursor this service issued' }],
    });
  }
}
