import { describe, expect, it } from 'vitest';
import { onNextTick } from './next-tick.js';

describe('onNextTick', () => {
  it('runs the task after the code that scheduled it', async () => {
    const order: string[] = [];
    const ran = new Promise<void>((resolve) =>
      onNextTick(
        () => {
          order.push('task');
          resolve();
        },
        () => order.push('error'),
      ),
    );
    order.push('caller');
    await ran;
    expect(order).toEqual(['caller', 'task']);
  });

  it('hands a throw to onError instead of ending the process', async () => {
    const failure = new Error('room gone');
    const caught = await new Promise<unknown>((resolve) =>
      onNextTick(() => {
        throw failure;
      }, resolve),
    );
    expect(caught).toBe(failure);
  });
});
