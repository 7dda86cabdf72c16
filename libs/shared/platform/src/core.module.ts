import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Transactor } from '@auction/db';
import { ContentTypeCheck } from './content-type.interceptor.js';
import { APP_CONFIG, CLOCK, DATABASE, LOGGER, REDIS, systemClock, type Runtime } from './tokens.js';
import { Drain } from './drain.js';
import { HealthController } from './health.controller.js';

/** Process-wide dependencies every feature module may inject. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: CoreModule,
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: runtime.config },
        { provide: LOGGER, useValue: runtime.logger },
        { provide: DATABASE, useValue: runtime.database },
        { provide: REDIS, useValue: runtime.redis },
        { provide: CLOCK, useValue: runtime.clock ?? systemClock },
        { provide: Transactor, useValue: new Transactor(runtime.database) },
        { provide: APP_INTERCEPTOR, useClass: ContentTypeCheck },
        Drain,
      ],
      exports: [APP_CONFIG, LOGGER, DATABASE, REDIS, CLOCK, Transactor, Drain],
    };
  }
}
