/** A stand-in for the Socket.IO client: records emits, answers acks, fires server events. */
export const NO_ANSWER = Symbol('no answer');

type Responder = (payload: unknown) => unknown;

export class FakeSocket {
  connected = true;
  active = true;
  disconnected = false;
  readonly emitted: Array<{ event: string; payload: unknown }> = [];
  readonly responders: Record<string, Responder> = {};
  private readonly handlers = new Map<string, Set<(payload: unknown) => void>>();

  on(event: string, handler: (payload: unknown) => void): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: (payload: unknown) => void): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  emit(event: string, payload: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }

  timeout(ms: number) {
    return {
      emitWithAck: (event: string, payload: unknown): Promise<unknown> => {
        this.emitted.push({ event, payload });
        const answer = this.responders[event]?.(payload) ?? NO_ANSWER;
        if (answer === NO_ANSWER) {
          return new Promise((_, reject) => setTimeout(() => reject(new Error('operation has timed out')), ms));
        }
        return Promise.resolve(answer);
      },
    };
  }

  /** The server sends an event. */
  fire(event: string, payload?: unknown): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(payload);
  }

  sent(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }
}
