import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@auction/config';

const secret = 'x'.repeat(32);
const cluster = { DATABASE_URL: 'postgres://localhost/db', REDIS_URL: 'redis://localhost:6379', JWT_SECRET: secret };

function problemsOf(env: Record<string, string>, mode: 'standalone' | 'cluster' = 'cluster'): string[] {
  try {
    loadConfig(env, { mode, service: 'auth' });
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults in standalone mode', () => {
    const config = loadConfig({}, { mode: 'standalone', service: 'standalone', fallbackJwtSecret: secret });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      mailFrom: 'no-reply@localhost',
      logLevel: 'info',
      nodeEnv: 'development',
      dataDir: './.data',
      rateLimits: true,
      corsOrigins: [],
      sportsEnabled: ['football', 'cricket'],
      trustedProxies: ['127.0.0.1/8', '::1/128'],
      invitationsPerLeaguePerDay: 200,
      invitationTtlMs: 7 * 24 * 60 * 60 * 1000,
    });
  });

  it('reads TRUSTED_PROXIES as a list of addresses and CIDR ranges', () => {
    const config = loadConfig({ ...cluster, TRUSTED_PROXIES: '10.42.0.0/16, 192.0.2.7,fd00::/8' }, { mode: 'cluster', service: 'auth' });
    expect(config.trustedProxies).toEqual(['10.42.0.0/16', '192.0.2.7', 'fd00::/8']);
  });

  it('reads INVITATION_TTL_HOURS in hours', () => {
    expect(loadConfig({ ...cluster, INVITATION_TTL_HOURS: '48' }, { mode: 'cluster', service: 'leagues' }).invitationTtlMs).toBe(
      48 * 3600_000,
    );
  });

  it('binds containers to every interface', () => {
    expect(loadConfig(cluster, { mode: 'cluster', service: 'auth' }).host).toBe('0.0.0.0');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x/y'],
    ['REDIS_URL', 'localhost:6379'],
    ['SMTP_URL', 'http://mail'],
    ['JWT_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['RATE_LIMITS', 'maybe'],
    ['PUBLIC_URL', 'not a url'],
    ['SPORTS_ENABLED', 'football,golf'],
    ['MAIL_FROM', 'nobody'],
    ['TRUSTED_PROXIES', 'loopback'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['TRUSTED_PROXIES', '127.0.0.1,nginx'],
    ['INVITATIONS_PER_LEAGUE_PER_DAY', '0'],
    ['INVITATIONS_PER_LEAGUE_PER_DAY', 'lots'],
    ['INVITATIONS_PER_LEAGUE_PER_DAY', '2.5'],
    ['INVITATION_TTL_HOURS', 'a week'],
    ['INVITATION_TTL_HOURS', '0'],
    ['INVITATION_TTL_HOURS', '1.5'],
    ['INVITATION_TTL_HOURS', '1441'],
    ['AUCTION_REMINDER_MINUTES', '0'],
    ['AUCTION_REMINDER_MINUTES', 'soon'],
  ])('names %s when its value %s is bad', (name, value) => {
    const problems = problemsOf({ ...cluster, [name]: value });
    expect(problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
  });

  it('refuses cluster mode without a database, Redis or secret', () => {
    const problems = problemsOf({});
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^JWT_SECRET/),
        expect.stringMatching(/^DATABASE_URL/),
        expect.stringMatching(/^REDIS_URL/),
      ]),
    );
  });

  it('refuses production without JWT_SECRET even in standalone mode', () => {
    expect(problemsOf({ NODE_ENV: 'production' }, 'standalone')).toEqual([
      expect.stringMatching(/^JWT_SECRET: required in production/),
      expect.stringMatching(/^DATABASE_URL: required in production/),
    ]);
  });

  it('turns rate limits off and trims PUBLIC_URL', () => {
    const config = loadConfig(
      { ...cluster, RATE_LIMITS: 'off', PUBLIC_URL: 'https://club.example/' },
      { mode: 'cluster', service: 'auth' },
    );
    expect(config.rateLimits).toBe(false);
    expect(config.publicUrl).toBe('https://club.example');
  });

  it('takes the Sentry environment from NODE_ENV unless SENTRY_ENVIRONMENT is set, and refuses odd values by name', () => {
    const production = loadConfig(
      { ...cluster, NODE_ENV: 'production', SENTRY_DSN: 'https://key@sentry.example/1' },
      { mode: 'cluster', service: 'auth' },
    );
    expect(production).toMatchObject({
      sentryDsn: 'https://key@sentry.example/1',
      sentryEnvironment: 'production',
      sentryRelease: undefined,
    });
    const staging = loadConfig(
      { ...cluster, SENTRY_ENVIRONMENT: 'staging', SENTRY_RELEASE: 'auction-platform@1.4.2' },
      { mode: 'cluster', service: 'auth' },
    );
    expect(staging).toMatchObject({ sentryEnvironment: 'staging', sentryRelease: 'auction-platform@1.4.2' });
    expect(problemsOf({ ...cluster, SENTRY_ENVIRONMENT: 'prod env', SENTRY_RELEASE: 'v1;rm', SENTRY_DSN: 'not a url' })).toEqual([
      expect.stringMatching(/^SENTRY_DSN: /),
      expect.stringMatching(/^SENTRY_ENVIRONMENT: /),
      expect.stringMatching(/^SENTRY_RELEASE: /),
    ]);
  });
});
