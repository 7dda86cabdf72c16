import type { SportWords } from '../sports.js';

/** Words of a sport, as a league's messages use them. */
export type WordsOf = { words: SportWords };

export function formatNumber(value: number): string {
  return value.toLocaleString('en-GB');
}

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function listOf(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** "1 club", "3 clubs" in the sport's own words. */
export function countOf(count: number, sport: WordsOf): string {
  const word = count === 1 ? sport.words.asset : sport.words.assets;
  return `${formatNumber(count)} ${word.toLowerCase()}`;
}

export function assetWord(sport: WordsOf): string {
  return sport.words.asset.toLowerCase();
}

export function assetsWord(sport: WordsOf): string {
  return sport.words.assets.toLowerCase();
}
