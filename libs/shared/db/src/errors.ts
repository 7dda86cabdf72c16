/** How deep a wrapped error is looked into: drizzle's error, the driver's, and one more. */
const MAX_CHAIN = 3;

/** An error and the errors it wraps, outermost first, with their codes (PostgreSQL's SQLSTATE or a socket errno). */
export function causeChain(error: unknown): Array<Error & { code?: unknown }> {
  const chain: Error[] = [];
  // Drizzle wraps the driver's error as its `cause`.
  for (let cause = error; cause instanceof Error && chain.length < MAX_CHAIN; cause = cause.cause) chain.push(cause);
  return chain;
}
