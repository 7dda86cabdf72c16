import { z } from 'zod';

export type Mode = 'standalone' | 'cluster';
export type ServiceName = 'auth' | 'leagues' | 'auction-engine' | 'scoring' | 'standalone';

const SPORTS = ['football', 'cricket'] as const;

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    )
    .optional();

/** The addresses whose X-Forwarded-For is believed when unset: this host only (a proxy beside the process). */
export const DEFAULT_TRUSTED_PROXIES = ['127.0.0.1/8', '::1/128'];

const proxyAddress = z.union([z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()], {
  error: 'must be a comma-separated list of IP addresses or CIDR ranges',
});

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().trim().min(1).optional(),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  MAIL_FROM: z.email().default('no-reply@localhost'),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  JWT_SECRET: z
    .string()
    .refine((s) => Buffer.byteLength(s) >= 32, 'must be at least 32 bytes')
    .optional(),
  CORS_ORIGINS: z.string().optional(),
  SENTRY_DSN: z.url().optional(),
  SENTRY_ENVIRONMENT: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore (at most 64)')
    .optional(),
  SENTRY_RELEASE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9@._+-]{1,200}$/, 'letters, digits and @ . _ + - (at most 200)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  INVITATIONS_PER_LEAGUE_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(200),
  SPORTS_ENABLED: z
    .string()
    .default(SPORTS.join(','))
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(SPORTS)).min(1)),
  TRUSTED_PROXIES: z
    .string()
    .default(DEFAULT_TRUSTED_PROXIES.join(','))
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(proxyAddress).min(1)),
  AUCTION_REMINDER_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  AUTH_URL: optionalUrl(['http:', 'https:']),
  LEAGUES_URL: optionalUrl(['http:', 'https:']),
  AUCTIONS_URL: optionalUrl(['http:', 'https:']),
  SCORING_URL: optionalUrl(['http:', 'https:']),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int('must be a whole number of hours')
    .min(1, 'must be at least 1 hour')
    .max(24 * 60, 'must be at most 1440 hours (60 days)')
    .default(168),
});

export interface ServiceUrls {
  auth: string;
  leagues: string;
  auctions: string;
  scoring: string;
}

export interface AppConfig {
  mode: Mode;
  service: ServiceName;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  jwtSecret: string;
  corsOrigins: string[];
  sentryDsn: string | undefined;
  /** `SENTRY_ENVIRONMENT`, else NODE_ENV. */
  sentryEnvironment: string;
  /** `SENTRY_RELEASE`; the observability lib's default (name@version) when unset. */
  sentryRelease: string | undefined;
  logLevel: string;
  nodeEnv: 'development' | 'production' | 'test';
  dataDir: string;
  rateLimits: boolean;
  /** Invitation mails one league may send per rolling day. */
  invitationsPerLeaguePerDay: number;
  sportsEnabled: Array<(typeof SPORTS)[number]>;
  /** Peers whose X-Forwarded-For names the client (Express `trust proxy`). */
  trustedProxies: string[];
  /** How long before a scheduled auction's start its members are reminded by mail. */
  auctionReminderMinutes: number;
  serviceUrls: ServiceUrls;
  /** How long a mailed league invitation (and its sign-in link) stays usable. */
  invitationTtlMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadOptions {
  mode: Mode;
  service: ServiceName;
  /** Standalone mode's generated secret, used when JWT_SECRET is unset. */
  fallbackJwtSecret?: string;
  /** Standalone mode's embedded database URL, used when DATABASE_URL is unset. */
  fallbackDatabaseUrl?: string;
}

/** Parses and checks the environment once at start; a bad value names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv, options: LoadOptions): AppConfig {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  }
  const e = parsed.data;
  const problems = requiredProblems(e, options);
  if (problems.length > 0) throw new ConfigError(problems);

  const port = e.PORT ?? 3000;
  const host = e.HOST ?? (options.mode === 'standalone' ? '127.0.0.1' : '0.0.0.0');
  const self = `http://127.0.0.1:${port}`;
  return {
    mode: options.mode,
    service: options.service,
    port,
    host,
    databaseUrl: e.DATABASE_URL ?? options.fallbackDatabaseUrl,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    jwtSecret: (e.JWT_SECRET ?? options.fallbackJwtSecret)!,
    corsOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    sentryDsn: e.SENTRY_DSN,
    sentryEnvironment: e.SENTRY_ENVIRONMENT ?? e.NODE_ENV,
    sentryRelease: e.SENTRY_RELEASE,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    dataDir: e.DATA_DIR,
    rateLimits: e.RATE_LIMITS === 'on',
    invitationsPerLeaguePerDay: e.INVITATIONS_PER_LEAGUE_PER_DAY,
    sportsEnabled: e.SPORTS_ENABLED,
    trustedProxies: e.TRUSTED_PROXIES,
    auctionReminderMinutes: e.AUCTION_REMINDER_MINUTES,
    serviceUrls: {
      auth: e.AUTH_URL ?? self,
      leagues: e.LEAGUES_URL ?? self,
      auctions: e.AUCTIONS_URL ?? self,
      scoring: e.SCORING_URL ?? self,
    },
    invitationTtlMs: e.INVITATION_TTL_HOURS * 60 * 60 * 1000,
  };
}

function requiredProblems(e: z.infer<typeof envSchema>, options: LoadOptions): string[] {
  const problems: string[] = [];
  const jwtSecret = e.JWT_SECRET ?? options.fallbackJwtSecret;
  if (!jwtSecret) {
    problems.push(
      e.NODE_ENV === 'production'
        ? 'JWT_SECRET: required in production (at least 32 bytes)'
        : 'JWT_SECRET: required in cluster mode (at least 32 bytes)',
    );
  }
  const inCluster = options.mode === 'cluster';
  const inProduction = e.NODE_ENV === 'production';
  if ((inCluster || inProduction) && !e.DATABASE_URL && !options.fallbackDatabaseUrl) {
    problems.push(`DATABASE_URL: required in ${inCluster ? 'cluster mode' : 'production'}`);
  }
  if ((inCluster || inProduction) && !e.REDIS_URL && options.mode === 'cluster') {
    problems.push('REDIS_URL: required in cluster mode');
  }
  return problems;
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}
