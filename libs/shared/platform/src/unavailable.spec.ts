import { describe, expect, it } from 'vitest';
import { DomainError } from '@auction/contracts';
import { toProblem } from './problem.filter.js';
import { unavailableDependency } from './unavailable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('an unreachable database', () => {
  it('is SERVICE_UNAVAILABLE, which clients retry, for a lost, refused or shut-down connection', () => {
    for (const error of [
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('connection failure', '08006'),
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Failed query: select 1', { cause: withCode('terminating connection due to administrator command', '57P01') }),
    ]) {
      expect(unavailableDependency(error), error.message).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(toProblem(error, '/api/x')).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    }
  });

  it('leaves every other error as it was', () => {
    expect(unavailableDependency(withCode('duplicate key value violates unique constraint', '23505'))).toBeNull();
    expect(unavailableDependency(new DomainError('BID_TOO_LOW', 'low'))).toBeNull();
    expect(unavailableDependency('not an error')).toBeNull();
    expect(toProblem(new Error('a bug'), '/api/x')).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
