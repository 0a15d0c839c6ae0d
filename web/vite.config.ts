import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The agents' web app. `npm run dev` serves it with hot reload and passes /api (the REST API and
// the /api/v1/realtime WebSocket) to the API already running on EARSHOT_API (default :3000). The
// Host header is passed on unchanged, so the API's same-origin check on the socket still holds.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: { '/api': { target: process.env.EARSHOT_API ?? 'http://127.0.0.1:3000', ws: true } },
  },
});
