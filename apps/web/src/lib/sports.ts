import type { Sport, SportKey, SportWords } from '@auction/contracts';
import { useEffect, useState } from 'react';
import { leaguesApi } from '../api/endpoints';

/** Words used until GET /api/sports answers (and if it never does). */
export const FALLBACK_WORDS: Record<SportKey, SportWords> = {
  football: { asset: 'Club', assets: 'Clubs' },
  cricket: { asset: 'Player', assets: 'Players' },
};
const NEUTRAL_WORDS: SportWords = { asset: 'Lot', assets: 'Lots' };

let sportsPromise: Promise<Sport[]> | null = null;

export function loadSports(): Promise<Sport[]> {
  sportsPromise ??= leaguesApi.sports().catch((error: unknown) => {
    sportsPromise = null; // try again next time
    throw error;
  });
  return sportsPromise;
}

export function useSports(): { sports: Sport[] | null; error: unknown } {
  const [sports, setSports] = useState<Sport[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadSports().then(
      (list) => live && setSports(list),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  return { sports, error };
}

export function wordsFor(sport: string | null | undefined, sports: Sport[] | null): SportWords {
  if (!sport) return NEUTRAL_WORDS;
  const found = sports?.find((s) => s.key === sport)?.words;
  return found ?? FALLBACK_WORDS[sport as SportKey] ?? NEUTRAL_WORDS;
}

/** "Club"/"Clubs" or "Player"/"Players" for a sport. */
export function useSportWords(sport: string | null | undefined): SportWords {
  const { sports } = useSports();
  return wordsFor(sport, sports);
}

/** The sport's display name ("Football"), even before GET /api/sports answers. */
export function sportName(sport: string, sports: Sport[] | null): string {
  return sports?.find((s) => s.key === sport)?.name ?? sport.charAt(0).toUpperCase() + sport.slice(1);
}
