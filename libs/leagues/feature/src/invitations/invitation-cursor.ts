import { DomainError, emailSchema } from '@auction/contracts';

/** Opaque to clients: the address of the last invitation of a page. */
export function encodeInvitationCursor(email: string): string {
  return Buffer.from(email, 'utf8').toString('base64url');
}

export function decodeInvitationCursor(text: string): string {
  const email = emailSchema.safeParse(Buffer.from(text, 'base64url').toString('utf8'));
  if (!email.success) {
    throw new DomainError('VALIDATION_FAILED', 'The cursor is not valid; start again from the first page.', {
      errors: [{ path: 'cursor', message: 'not a cursor this service issued' }],
    });
  }
  return email.data;
}
