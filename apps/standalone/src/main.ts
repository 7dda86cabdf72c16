import 'reflect-metadata';
import { startStandalone } from './standalone.js';

const { url, close } = await startStandalone();
const publicUrl = process.env.PUBLIC_URL || url.replace('127.0.0.1', 'localhost');
process.stdout.write(
  `\n  Auction platform is running: open ${publicUrl}\n  Sign in with your email; the sign-in link is printed here.\n\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void close().finally(() => process.exit(0));
  });
}
