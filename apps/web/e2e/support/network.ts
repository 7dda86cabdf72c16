import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * A network that drops under a page while the device still believes it is online
 * (`navigator.onLine` stays true): a Wi-Fi that stops passing traffic, a mobile dead zone,
 * a NAT or proxy that resets the connection. The realistic phone case besides airplane mode.
 *
 * - New connections (WebSocket and HTTP, including Socket.IO's polling fallback) fail as on a dead
 *   network: Chromium's per-request network emulation (DevTools
 *   `Network.emulateNetworkConditionsByRule`, which, unlike `context.setOffline`, leaves
 *   `navigator.onLine` alone).
 * - The WebSocket already open is reset. Chromium keeps an established socket through network
 *   emulation, so without this the client would only notice after Socket.IO's heartbeat
 *   timeout; the page's open sockets are tracked by an init script and closed when cut.
 */
export class CuttableNetwork {
  private down = false;

  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  /** Call before the page loads the app (the init script tracks sockets from the first one). */
  static async install(context: BrowserContext, page: Page): Promise<CuttableNetwork> {
    await context.addInitScript(() => {
      const Native = window.WebSocket;
      const open = new Set<WebSocket>();
      let failed = 0;
      class TrackedWebSocket extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          open.add(this);
          this.addEventListener('close', () => open.delete(this));
          this.addEventListener('error', () => failed++);
        }
      }
      window.WebSocket = TrackedWebSocket;
      const w = window as unknown as { __e2eResetSockets: () => number; __e2eFailedSockets: () => number };
      w.__e2eResetSockets = () => {
        const count = open.size;
        for (const socket of open) socket.close(4000, 'connection reset');
        return count;
      };
      w.__e2eFailedSockets = () => failed;
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    return new CuttableNetwork(page, cdp);
  }

  get isDown(): boolean {
    return this.down;
  }

  /** Cuts the path: the open sockets reset and nothing new gets through until `restore()`. Returns the sockets reset. */
  async cut(): Promise<number> {
    this.down = true;
    await this.emulate(true);
    return this.page.evaluate(() => (window as unknown as { __e2eResetSockets: () => number }).__e2eResetSockets());
  }

  /** WebSocket connections that failed (an `error` event) since the page loaded: the client's retries while cut. */
  failedConnections(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __e2eFailedSockets: () => number }).__e2eFailedSockets());
  }

  async restore(): Promise<void> {
    this.down = false;
    await this.emulate(false);
  }

  private async emulate(offline: boolean): Promise<void> {
    await this.cdp.send('Network.emulateNetworkConditionsByRule', {
      matchedNetworkConditions: offline
        ? [{ urlPattern: '', offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 } as never]
        : [],
    });
  }
}

export interface StateChange {
  state: string;
  text: string;
  at: number;
}

/**
 * Records every value the page's `connection-state` badge takes (a MutationObserver inside the
 * page), so short-lived states such as "Reconnecting…" can be asserted without sleeping.
 */
export async function recordConnectionStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __connectionStates?: StateChange[]; __connectionObserver?: MutationObserver };
    w.__connectionObserver?.disconnect();
    const states: StateChange[] = [];
    w.__connectionStates = states;
    const record = () => {
      const badge = document.querySelector('[data-testid="connection-state"]');
      if (!badge) return;
      const state = badge.getAttribute('data-state') ?? '';
      const text = (badge.textContent ?? '').trim();
      const last = states[states.length - 1];
      if (!last || last.state !== state || last.text !== text) states.push({ state, text, at: Math.round(performance.now()) });
    };
    record();
    w.__connectionObserver = new MutationObserver(record);
    w.__connectionObserver.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

export function connectionStates(page: Page): Promise<StateChange[]> {
  return page.evaluate(() => (window as unknown as { __connectionStates?: StateChange[] }).__connectionStates ?? []);
}
