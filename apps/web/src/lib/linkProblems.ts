import { ApiError, describeError } from '../api/errors';

/**
 * What went wrong with a link someone opened from a mail or a message. A malformed token is
 * refused as VALIDATION_FAILED by the server, but there is no form here: say the link is wrong.
 */
export function signInLinkProblem(error: unknown): string {
  if (error instanceof ApiError && (error.code === 'VALIDATION_FAILED' || error.code === 'TOKEN_INVALID')) {
    return 'This sign-in link isn’t valid — it may have been cut short when it was copied. Ask for a new one below.';
  }
  return describeError(error);
}

export function inviteLinkProblem(error: unknown): string {
  if (error instanceof ApiError && (error.code === 'VALIDATION_FAILED' || error.code === 'NOT_FOUND')) {
    return 'This invite link isn’t valid — it may be incomplete, or the commissioner has replaced it. Ask them for the current link.';
  }
  return describeError(error);
}
