/**
 * Runs `task` on the next tick, once the current answer has gone out. A throw there would end the
 * process (nothing awaits it), so it goes to `onError` instead.
 */
export function onNextTick(task: () => void, onError: (error: unknown) => void): void {
  process.nextTick(() => {
    try {
      task();
    } catch (error) {
      onError(error);
    }
  });
}
