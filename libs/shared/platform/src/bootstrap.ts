import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, LoggerService, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Express } from 'express';
import type { AppConfig } from '@auction/config';
import { connectDatabase, createRedisClient, type DataSetup } from '@auction/db';
import { createLogger, initSentry, type Logger } from '@auction/observability';
import { CoreModule } from './core.module.js';
import { ProblemFilter } from './problem.filter.js';
import { requestContext } from './request-context.js';
import type { Runtime } from './tokens.js';
import { securityHeaders } from './security-headers.js';

/** A service as the process hosts it: its Nest module and the prefix of its OpenAPI document. */
export interface ServiceDefinition {
  /** `auth`, `leagues`, `auctions` or `scoring`: the document is served at `/api/<docs>/docs-json`. */
  docs: string;
  title: string;
  module: Type | DynamicModule;
  /** Paths (`req.path`) whose routes read their body themselves as an `Upload`: no body parser touches them. */
  uploadRoutes?: RegExp[];
}

/** A service as a process hosts it: its HTTP definition, its data and what it sets up before listening. */
export interface HostedService {
  definition: ServiceDefinition;
  data: DataSetup;
  configure?: (app: NestExpressApplication, runtime: Runtime) => Promise<void>;
}

export function createRuntime(config: AppConfig, overrides: Partial<Runtime> = {}): Runtime {
  const logger = overrides.logger ?? createLogger(config.service, config.logLevel);
  initSentry({ dsn: config.sentryDsn, service: config.service, environment: config.sentryEnvironment, release: config.sentryRelease });
  return {
    config,
    logger,
    database: overrides.database ?? connectDatabase(config.databaseUrl!, { applicationName: config.service, max: 20 }),
    redis:
      overrides.redis !== undefined
        ? overrides.redis
        : config.redisUrl
          ? createRedisClient(config.redisUrl, `${config.service}-main`)
          : null,
    clock: overrides.clock,
  };
}

/** Builds a configured but not yet listening Nest app hosting the given services. */
export async function createHttpApp(
  runtime: Runtime,
  services: ServiceDefinition[],
  extraImports: Array<Type | DynamicModule> = [],
): Promise<NestExpressApplication> {
  const root: DynamicModule = {
    module: class AppRootModule {},
    imports: [CoreModule.forRoot(runtime), ...services.map((s) => s.module), ...extraImports],
  };
  const app = await NestFactory.create<NestExpressApplication>(root, {
    bodyParser: false,
    logger: nestLogger(runtime.logger),
  });
  // X-Forwarded-For only from the configured proxies: any other peer could name itself any client.
  app.set('trust proxy', runtime.config.trustedProxies);
  app.disable('x-powered-by');
  app.use(requestContext(runtime.config.service, runtime.logger));
  app.use(...securityHeaders(runtime.config.sentryDsn));
  const uploadRoutes = services.flatMap((service) => service.uploadRoutes ?? []);
  const isUpload = (request: IncomingMessage) => uploadRoutes.some((route) => route.test(new URL(request.url ?? '/', 'http://x').pathname));
  // CSV bodies are never parsed here: upload routes stream them (`Upload`).
  app.useBodyParser('json', {
    limit: '1mb',
    type: (request: IncomingMessage) => mediaTypeOf(request) === 'application/json' && !isUpload(request),
  });
  app.useGlobalFilters(new ProblemFilter(runtime.logger));
  if (runtime.config.corsOrigins.length > 0) app.enableCors({ origin: runtime.config.corsOrigins, maxAge: 600 });
  app.enableShutdownHooks();
  serveOpenApi(app, services);
  return app;
}

export async function listen(app: NestExpressApplication, runtime: Runtime): Promise<string> {
  await app.listen(runtime.config.port, runtime.config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : runtime.config.port;
  const url = `http://${runtime.config.host === '0.0.0.0' ? '127.0.0.1' : runtime.config.host}:${port}`;
  runtime.logger.info({ url, mode: runtime.config.mode }, 'listening');
  return url;
}

function serveOpenApi(app: NestExpressApplication, services: ServiceDefinition[]): void {
  for (const service of services) {
    const module = 'module' in service.module ? service.module.module : service.module;
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle(service.title).setVersion('1').addBearerAuth().build(),
      { include: [module] },
    );
    (app.getHttpAdapter().getInstance() as Express).get(`/api/${service.docs}/docs-json`, (_req, res) => {
      res.json(document);
    });
  }
}

function mediaTypeOf(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function nestLogger(logger: Logger): LoggerService {
  const line =
    (level: 'info' | 'warn' | 'error' | 'debug') =>
    (message: unknown, ...rest: unknown[]) =>
      logger[level]({ context: rest.at(-1) }, String(message));
  return { log: line('info'), warn: line('warn'), error: line('error'), debug: line('debug'), verbose: line('debug') };
}
