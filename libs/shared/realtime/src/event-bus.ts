import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { InternalEvents } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import type { Redis } from '@auction/db';
import { counter, type Logger } from '@auction/observability';
import { APP_CONFIG, LOGGER, REDIS } from '@auction/platform';

type Topic = keyof InternalEvents;
type Handler<T extends Topic> = (event: InternalEvents[T]) => Promise<void>;

const handled = counter('event_bus_messages_total', 'Internal events handled', ['topic', 'result']);
const RETRY_IDLE_MS = 15_000;

/**
 * Internal events between services. Cluster mode: Redis Streams with a consumer group per
 * subscribing service, so each event is handled once per service and retried until
 * acknowledged. Standalone mode: in-process delivery.
 */
@Injectable()
export class EventBus implements OnApplicationShutdown {
  private readonly local = new Map<Topic, Array<Handler<Topic>>>();
  private readonly readers: Redis[] = [];
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async publish<T extends Topic>(topic: T, event: InternalEvents[T]): Promise<void> {
    if (this.redis) {
      await this.redis.xadd(streamOf(topic), 'MAXLEN', '~', '100000', '*', 'event', JSON.stringify(event));
      return;
    }
    for (const handler of this.local.get(topic) ?? []) void this.deliver(topic, handler, event);
  }

  subscribe<T extends Topic>(topic: T, group: string, handler: Handler<T>): void {
    if (!this.redis) {
      this.local.set(topic, [...(this.local.get(topic) ?? []), handler as Handler<Topic>]);
      return;
    }
    const reader = this.redis.duplicate();
    reader.on('error', () => undefined);
    this.readers.push(reader);
    void this.consume(reader, topic, group, handler as Handler<Topic>);
  }

  private async consume(reader: Redis, topic: Topic, group: string, handler: Handler<Topic>): Promise<void> {
    const stream = streamOf(topic);
    const consumer = `${hostname()}-${process.pid}`;
    while (!this.stopped) {
      try {
        await reader.xgroup('CREATE', stream, group, '0', 'MKSTREAM').catch(ignoreBusyGroup);
        await this.retryStale(reader, stream, group, consumer, topic, handler);
        const batch = (await reader.xreadgroup('GROUP', group, consumer, 'COUNT', 20, 'BLOCK', 2000, 'STREAMS', stream, '>')) as Array<
          [string, Array<[string, string[]]>]
        > | null;
        for (const [id, fields] of batch?.[0]?.[1] ?? []) await this.handleEntry(reader, stream, group, id, fields, topic, handler);
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn({ topic, err: (error as Error).message }, 'event stream read failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /** Entries another consumer took but never acknowledged (it crashed) are handled here. */
  private async retryStale(
    reader: Redis,
    stream: string,
    group: string,
    consumer: string,
    topic: Topic,
    handler: Handler<Topic>,
  ): Promise<void> {
    const [, entries] = (await reader.xautoclaim(stream, group, consumer, RETRY_IDLE_MS, '0', 'COUNT', 20)) as [
      string,
      Array<[string, string[]]>,
    ];
    for (const [id, fields] of entries ?? []) await this.handleEntry(reader, stream, group, id, fields, topic, handler);
  }

  private async handleEntry(
    reader: Redis,
    stream: string,
    group: string,
    id: string,
    fields: string[] | null,
    topic: Topic,
    handler: Handler<Topic>,
  ): Promise<void> {
    const raw = fields?.[fields.indexOf('event') + 1];
    const done = !raw || (await this.deliver(topic, handler, JSON.parse(raw)));
    if (done) await reader.xack(stream, group, id);
  }

  private async deliver(topic: Topic, handler: Handler<Topic>, event: InternalEvents[Topic]): Promise<boolean> {
    try {
      await handler(event);
      handled.inc({ topic, result: 'ok' });
      return true;
    } catch (error) {
      handled.inc({ topic, result: 'failed' });
      this.logger.error({ topic, err: (error as Error).message }, 'event handler failed');
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const reader of this.readers) reader.disconnect();
  }
}

const streamOf = (topic: Topic) => `events:${topic}`;

function ignoreBusyGroup(error: Error): void {
  if (!String(error.message).includes('BUSYGROUP')) throw error;
}
