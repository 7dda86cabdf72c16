import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = process.env.WEB_PROXY_TARGET ?? 'http://127.0.0.1:3000';
const proxy = {
  '/api': { target: backend },
  '/socket.io': { target: backend, ws: true },
};

/**
 * The web client. Workspace libs (`@auction/contracts`) are bundled from their TypeScript
 * sources through the `@auction/source` export condition.
 * Build: `npx vite build --config apps/web/vite.config.ts` → apps/web/dist.
 */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    conditions: ['@auction/source', ...defaultClientConditions],
  },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
