import { describe, expect, it } from 'vitest';
import { formatWait } from './format';

describe('formatWait', () => {
  it('reads a wait in the unit that matters', () => {
    expect(formatWait(3_400)).toBe('4 s');
    expect(formatWait(0)).toBe('0 s');
    expect(formatWait(65_000)).toBe('1:05');
    expect(formatWait(3_723_000)).toBe('1:02:03');
    expect(formatWait(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 d 3 h');
  });
});
