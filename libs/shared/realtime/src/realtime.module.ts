import { Global, Module } from '@nestjs/common';
import { EventBus } from './event-bus.js';
import { RealtimePublisher } from './publisher.js';

@Global()
@Module({ providers: [RealtimePublisher, EventBus], exports: [RealtimePublisher, EventBus] })
export class RealtimeModule {}
