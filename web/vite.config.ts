// The web app's build: `npm run build` writes it to dist/web, which the service serves at /.
// `npm run dev:web` serves it with hot reload and sends /api and /files to a service on port 3000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The budget is counted in gzip bytes by the browser tests; this only silences Vite's own size note.
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/files': 'http://localhost:3000' },
  },
});
