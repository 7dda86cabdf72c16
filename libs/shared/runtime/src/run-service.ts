import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig, type AppConfig, type LoadOptions } from '@auction/config';
import { createHttpApp, createRuntime, listen, type HostedService, type Runtime } from '@auction/platform';
import { SHARED_MODULES } from './shared-modules.js';

/** Loads the configuration or stops the process with a message naming the bad variables. */
export function loadConfigOrExit(options: LoadOptions): AppConfig {
  try {
    return loadConfig(process.env, options);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

export async function hostServices(
  runtime: Runtime,
  services: HostedService[],
  extraImports: Array<Type | DynamicModule> = [],
): Promise<NestExpressApplication> {
  const app = await createHttpApp(
    runtime,
    services.map((s) => s.definition),
    [...SHARED_MODULES, ...extraImports],
  );
  for (const service of services) await service.configure?.(app, runtime);
  return app;
}

/** Cluster mode: one service per process on the shared PostgreSQL and Redis. */
export async function runService(service: LoadOptions['service'], hosted: HostedService): Promise<void> {
  const config = loadConfigOrExit({ mode: 'cluster', service });
  const runtime = createRuntime(config);
  const app = await hostServices(runtime, [hosted]);
  await listen(app, runtime);
}
