export type NominationOrder = 'random' | 'fixed';

/** A uniform number in [0, 1) from 48 bits of the CSPRNG (Web Crypto: Node and browsers alike). */
export function secureRandom(): number {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return ((words[0]! & 0xffff) * 2 ** 32 + words[1]!) / 2 ** 48;
}

/** The order lots open in: as given for `fixed`, a Fisher–Yates shuffle for `random`. */
export function lotOrder<T>(assetIds: readonly T[], order: NominationOrder, random: () => number = secureRandom): T[] {
  const result = [...assetIds];
  if (order === 'fixed') return result;
  for (let i = result.length - 1; i > 0; i--) {
    // min() guards against a random source that returns exactly 1.
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
