import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';

describe('DomainError', () => {
  it('is an answer without a stack trace, and leaves the stack depth of other errors as it was', () => {
    const before = Error.stackTraceLimit;
    const refusal = new DomainError('BID_TOO_LOW', 'The bid must be at least £5m.');
    expect(refusal.stack).toBe('DomainError: The bid must be at least £5m.');
    expect(refusal).toMatchObject({ code: 'BID_TOO_LOW', status: 409, name: 'DomainError' });
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('a fault').stack!.split('\n').length).toBeGreaterThan(1);
  });
});
