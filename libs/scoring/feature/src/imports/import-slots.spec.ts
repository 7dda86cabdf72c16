import { describe, expect, it } from 'vitest';
import { ImportSlots } from './import-slots.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ImportSlots', () => {
  it('runs at most `size` at once, the others in arrival order, and frees a slot when work fails', async () => {
    const slots = new ImportSlots(2);
    const started: number[] = [];
    const finish: Array<() => void> = [];
    const job = (n: number, fail = false) =>
      slots.run(async () => {
        started.push(n);
        await new Promise<void>((resolve) => (finish[n] = resolve));
        if (fail) throw new Error('bad file');
        return n;
      });
    const all = Promise.allSettled([job(1, true), job(2), job(3), job(4)]);
    await settle();
    expect(started).toEqual([1, 2]);
    finish[1]!();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    finish[2]!();
    finish[3]!();
    await settle();
    expect(started).toEqual([1, 2, 3, 4]);
    finish[4]!();
    expect((await all).map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
});
