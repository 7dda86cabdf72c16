import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT, startApp, type RunningApp } from './app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
export const SCREENSHOT_WIDTHS = [375, 1280] as const;

/** Generous but finite: every wait in the suite ends with a clear failure. */
export const UI_TIMEOUT = 15_000;

/** Debian's chromium, headless, talking to nothing but this machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1,localhost',
    ],
  });
}

/** The product and a browser, started side by side; if either fails, the other is closed again. */
export async function startAppAndBrowser(env: Record<string, string> = {}): Promise<[RunningApp, Browser]> {
  const [app, browser] = await Promise.allSettled([startApp(env), launchBrowser()]);
  if (app.status === 'fulfilled' && browser.status === 'fulfilled') return [app.value, browser.value];
  if (app.status === 'fulfilled') await app.value.stop();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw app.status === 'rejected' ? app.reason : (browser as PromiseRejectedResult).reason;
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 740 },
  screen: { width: 375, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
};

/** One person with their own browser profile (cookies, localStorage) and one tab. */
export interface User {
  email: string;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, for the failure message. */
  problems: string[];
}

export async function openUser(browser: Browser, app: RunningApp, email: string, options: BrowserContextOptions = DESKTOP): Promise<User> {
  const context = await browser.newContext({ ...options, baseURL: app.url, locale: 'en-GB', timezoneId: 'Europe/London' });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { email, context, page, problems };
}

/** A person signed in from a mailed link, with what a test calls the API as. */
export interface SignedInUser extends User {
  userId: string;
  /** The access token sign-in gave (the page may refresh it later). */
  token: string;
  displayName: string;
}

/** `openUser` and `signIn`: a fresh browser profile for `email`, signed in from the real mail. */
export async function signedInUser(
  browser: Browser,
  app: RunningApp,
  email: string,
  options: BrowserContextOptions = DESKTOP,
): Promise<SignedInUser> {
  const user = await openUser(browser, app, email, options);
  await signIn(user, app);
  const { userId, accessToken } = await sessionOf(user.page);
  const me = await app.api.get('/api/auth/me', { token: accessToken });
  expect(me.status, JSON.stringify(me.body)).toBe(200);
  return { ...user, userId, token: accessToken, displayName: me.body.displayName };
}

export const byTestId = (page: Page, id: string) => page.getByTestId(id);

/**
 * Signs in as a user does: asks for a link on the sign-in page, waits for the real mail the
 * product sends, and opens the link from it. Resolves, once the callback has moved on, with the link.
 */
export async function signIn(user: User, app: RunningApp, options: { screenshot?: string } = {}): Promise<string> {
  const { page } = user;
  if (!new URL(page.url() === 'about:blank' ? app.url : page.url()).pathname.startsWith('/sign-in')) {
    await page.goto('/sign-in');
  }
  await byTestId(page, 'signin-email').fill(user.email);
  if (options.screenshot) await screenshot(page, options.screenshot);
  await byTestId(page, 'signin-submit').click();
  await byTestId(page, 'signin-sent').waitFor();
  const mail = await app.smtp.nextMail(user.email, UI_TIMEOUT);
  expect(mail.link, `sign-in mail to ${user.email}:\n${mail.text}`).toBeTruthy();
  expect(mail.link!.startsWith(`${app.url}/auth/callback?token=`)).toBe(true);
  await page.goto(mail.link!);
  await page.waitForURL((url) => url.pathname !== '/auth/callback', { timeout: UI_TIMEOUT });
  expect(await page.evaluate(() => localStorage.getItem('auction.accessToken'))).toBeTruthy();
  return mail.link!;
}

/** The signed-in user's id and access token, as the page keeps them. */
export async function sessionOf(page: Page): Promise<{ userId: string; accessToken: string }> {
  return page.evaluate(() => {
    const user = JSON.parse(localStorage.getItem('auction.user') ?? 'null') as { id: string } | null;
    return { userId: user?.id ?? '', accessToken: localStorage.getItem('auction.accessToken') ?? '' };
  });
}

/**
 * Saves `test-results/screenshots/<name>-<width>.png` at 375 and 1280 px, then puts the
 * viewport back. Resizing never reloads the page.
 */
export async function screenshot(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  const files: string[] = [];
  for (const width of SCREENSHOT_WIDTHS) {
    await page.setViewportSize({ width, height: original?.height ?? 900 });
    const file = join(SCREENSHOT_DIR, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    files.push(file);
  }
  if (original) await page.setViewportSize(original);
  return files;
}

/**
 * Marks the current document; `expectNoReload` fails if the page has loaded a new document
 * since (a reload or a full navigation), so the flow is proven to run in one page life.
 */
export async function markDocument(page: Page, mark: string): Promise<void> {
  await page.evaluate((m) => {
    (window as unknown as { __e2eMark?: string }).__e2eMark = m;
  }, mark);
}

export async function expectNoReload(page: Page, mark: string): Promise<void> {
  const current = await page.evaluate(() => (window as unknown as { __e2eMark?: string }).__e2eMark ?? null);
  expect(current, 'the page was reloaded or fully navigated').toBe(mark);
}

/** Text of a test id, trimmed. */
export async function textOf(page: Page, id: string): Promise<string> {
  return ((await byTestId(page, id).textContent()) ?? '').trim();
}

/** Waits until `[data-testid=id]` has `attribute` equal to `value` (polled in the page, not slept). */
export async function waitForAttribute(page: Page, id: string, attribute: string, value: string, timeout = UI_TIMEOUT): Promise<void> {
  await page.waitForFunction(
    ([testId, name, expected]) => document.querySelector(`[data-testid="${testId}"]`)?.getAttribute(name!) === expected,
    [id, attribute, value] as const,
    { timeout, polling: 20 },
  );
}

export async function closeAll(...things: Array<{ close(): Promise<void> } | undefined>): Promise<void> {
  for (const thing of things) await thing?.close().catch(() => undefined);
}

/** The end of a file: every person's browser profile, the browser, then the product (whatever of them started). */
export async function stopAppAndBrowser(app: RunningApp | undefined, browser: Browser | undefined, ...users: Array<User | undefined>) {
  await closeAll(...users.map((user) => user?.context), browser);
  await app?.stop();
}
