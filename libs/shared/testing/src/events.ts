/** Resolves with the first emitted value that matches, or fails after `timeoutMs`. */
export function waitFor<T>(
  subscribe: (listener: (value: T) => void) => () => void,
  matches: (value: T) => boolean = () => true,
  timeoutMs = 5000,
  what = 'event',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = subscribe((value) => {
      if (!matches(value)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}
