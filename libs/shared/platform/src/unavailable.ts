import { DomainError } from '@auction/contracts';
import { causeChain } from '@auction/db';

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
  const lost = causeChain(error).some(
    ({ code, message }) =>
      (typeof code === 'string' && (CONNECTION_STATES.test(code) || CONNECTION_ERRNOS.has(code))) || DRIVER_MESSAGES.test(message),
  );
  return lost ? new DomainError('SERVICE_UNAVAILABLE', 'The service is briefly unavailable. Please try again.') : null;
}
