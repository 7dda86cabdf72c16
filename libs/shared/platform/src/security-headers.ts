import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { API_CACHE_CONTROL, CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from '@auction/contracts';

/**
 * helmet with the product's policy (`@auction/contracts` security-headers), HSTS only when the
 * request came over TLS (`req.secure`: a TLS socket, or `X-Forwarded-Proto: https` from a proxy
 * Express trusts), and `Cache-Control: no-store` on every API answer (tokens, invite tokens,
 * personal data). A configured Sentry DSN's origin joins `connect-src`, so the web client can report.
 */
export function securityHeaders(sentryDsn?: string): RequestHandler[] {
  const connectSrc = [...CONTENT_SECURITY_POLICY['connect-src']!, ...(sentryDsn ? [new URL(sentryDsn).origin] : [])];
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, 'connect-src': connectSrc } },
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    }),
    (req: Request, res: Response, next: NextFunction) => {
      if (req.secure) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
      if (/^\/(api|internal)(\/|$)/.test(req.path)) res.setHeader('Cache-Control', API_CACHE_CONTROL);
      next();
    },
  ];
}
