import type { Redis } from '@auction/db';
import { counter } from '@auction/observability';

const failedPublishes = counter('realtime_publish_failures_total', 'Pub/sub messages Redis did not take');

/**
 * The Socket.IO Redis adapter and emitter call `publish` without awaiting it; during a Redis
 * outage each rejection would be unhandled and stop the process. This marks every publish as
 * handled (callers that await still see the error) and counts the failures. Broadcasts are best
 * effort: clients resync with a fresh snapshot when they rejoin.
 */
export function tolerateFailedPublishes(client: Redis): Redis {
  const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<number>;
  client.publish = ((...args: unknown[]) => {
    const sent = publish(...args);
    sent.catch(() => failedPublishes.inc());
    return sent;
  }) as Redis['publish'];
  return client;
}
