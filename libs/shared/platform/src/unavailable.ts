import { DomainError } from '@auction/contracts';

/** PostgreSQL SQLSTATEs of a lost or refused connection: class 08, and the server shutting down or starting. */
const CONNECTION_STATES = /^(08\d{3}|57P0[123])$/;
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/** What node-postgres and its pool throw when a connection ends or cannot be had in time. */
const DRIVER_MESSAGES = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * The refusal for an error that says the database is out of reach (restarting, failing over, the
 * connection dropped): SERVICE_UNAVAILABLE, which clients retry, rather than INTERNAL. Null for
 * any other error.
 */
export function unavailableDependency(error: unknown): DomainError | null {
  // Drizzle wraps the driver's error as its `cause`.
  for (let cause = error, depth = 0; cause instanceof Error && depth < 3; cause = cause.cause, depth++) {
    const { code } = cause as Error & { code?: unknown };
    const lost =
      (typeof code === 'string' && (CONNECTION_STATES.test(code) || CONNECTION_ERRNOS.has(code))) || DRIVER_MESSAGES.test(cause.message);
    if (lost) return new DomainError('SERVICE_UNAVAILABLE', 'The service is briefly unavailable. Please try again.');
  }
  return null;
}
