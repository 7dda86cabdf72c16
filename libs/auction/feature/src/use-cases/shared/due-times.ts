/**
 * Times a use case has just set, for the scheduler's loops to act right at them rather than at
 * their next poll. The scheduler layer implements these (`LotCloser`, `ScheduledStarts`); the
 * use cases know only these shapes, so they never import the layer that calls them.
 */
export abstract class LotDeadlines {
  /** A lot deadline or the end of a gap or lead-in. */
  abstract watch(at: Date | null): void;
}

export abstract class ScheduledStartTimes {
  abstract watch(startsAt: Date): void;
}
