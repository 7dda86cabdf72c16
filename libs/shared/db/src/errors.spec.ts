import { describe, expect, it } from 'vitest';
import { causeChain } from './errors.js';

describe('causeChain', () => {
  it("gives a wrapped error's causes with their codes, outermost first", () => {
    const driver = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const wrapped = new Error('Failed query: alter table', { cause: driver });
    expect(causeChain(wrapped).map((e) => [e.message, e.code])).toEqual([
      ['Failed query: alter table', undefined],
      ['deadlock detected', '40P01'],
    ]);
  });

  it('looks three errors deep, and not into what is not an error', () => {
    const deep = new Error('1', { cause: new Error('2', { cause: new Error('3', { cause: new Error('4') }) }) });
    expect(causeChain(deep).map((e) => e.message)).toEqual(['1', '2', '3']);
    expect(causeChain(new Error('a', { cause: 'a string' })).map((e) => e.message)).toEqual(['a']);
    expect(causeChain('not an error')).toEqual([]);
  });
});
