import { describe, expect, it } from 'vitest';
import { safeErrorCopy, scrubError } from './scrub-error.js';

class QueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    cause: unknown,
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(',')}`, { cause });
    this.name = 'DrizzleQueryError';
  }
}

const pgError = Object.assign(new Error('invalid input syntax for type uuid: "secret-token-123"'), {
  code: '22P02',
  detail: 'Key (invite_token)=(secret-token-123) already exists.',
  routine: 'string_to_uuid',
});

describe('scrubbing errors for logs and Sentry', () => {
  const error = new QueryError('select * from "leagues"."leagues" where "invite_token" = $1', ['secret-token-123'], pgError);

  it('keeps the SQL text, the class and PostgreSQL code, never parameters or quoted values', () => {
    const scrubbed = JSON.stringify(scrubError(error));
    expect(scrubbed).not.toContain('secret-token-123');
    expect(scrubError(error)).toMatchObject({
      type: 'DrizzleQueryError',
      query: 'select * from "leagues"."leagues" where "invite_token" = $1',
      cause: { code: '22P02', routine: 'string_to_uuid', message: 'invalid input syntax for type uuid: "[redacted]"' },
    });
  });

  it('gives Sentry a copy with the same name and no secret in message or stack', () => {
    const copy = safeErrorCopy(error);
    expect(copy.name).toBe('DrizzleQueryError');
    expect(`${copy.message}\n${copy.stack}`).not.toContain('secret-token-123');
  });
});
