import { Injectable } from '@nestjs/common';
import { ServiceClient } from '@auction/service-client';
import type { ScoringContext } from '@auction/contracts';

/** How long a league's context is reused: permission checks and imports within a burst share one call. */
export const CONTEXT_TTL_MS = 5_000;

/** The leagues service's view of a league, cached per league for a few seconds. */
@Injectable()
export class LeagueContexts {
  private readonly cache = new Map<string, { expiresAt: number; context: Promise<ScoringContext> }>();

  constructor(private readonly services: ServiceClient) {}

  /** `fresh` skips the cache, e.g. before refusing someone who may have joined a moment ago. */
  get(leagueId: string, options: { fresh?: boolean } = {}): Promise<ScoringContext> {
    const now = Date.now();
    const cached = this.cache.get(leagueId);
    if (cached && cached.expiresAt > now && !options.fresh) return cached.context;
    const context = this.services.call<ScoringContext>('leagues', 'GET', `/internal/leagues/${leagueId}/scoring-context`);
    this.cache.set(leagueId, { expiresAt: now + CONTEXT_TTL_MS, context });
    // A failed call is not remembered: the next request asks again.
    context.catch(() => {
      if (this.cache.get(leagueId)?.context === context) this.cache.delete(leagueId);
    });
    this.prune(now);
    return context;
  }

  /** Forgets a league's context, e.g. when its auction completes and its status changes. */
  forget(leagueId: string): void {
    this.cache.delete(leagueId);
  }

  private prune(now: number): void {
    if (this.cache.size < 1000) return;
    for (const [leagueId, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(leagueId);
  }
}
