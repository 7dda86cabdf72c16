import { describe, expect, it } from 'vitest';
import { DomainError } from '@auction/contracts';
import { decodeAssetCursor, encodeAssetCursor } from './asset-cursor.js';

describe('asset cursors', () => {
  it('round-trip the (name, id) of the last asset, URL-safe', () => {
    const cursor = { name: 'Bodø/Glimt & "Friends"', id: '1c56be26-b62a-51f9-b351-929a7cb3d36b' };
    const text = encodeAssetCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeAssetCursor(text)).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', 'bm90LWEtY3Vyc29y'],
    ['a JSON object', Buffer.from('{"name":"a"}').toString('base64url')],
    ['a bad id', Buffer.from('["Arsenal","not-a-uuid"]').toString('base64url')],
    ['empty', ''],
  ])('refuses %s with VALIDATION_FAILED on `cursor`', (_, text) => {
    try {
      decodeAssetCursor(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('VALIDATION_FAILED');
      expect((error as DomainError).extras.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    }
  });
});
