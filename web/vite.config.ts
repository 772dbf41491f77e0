import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev`: Vite serves the console and forwards the API paths to the API process on :4000.
const api = process.env.KEYSMITH_API ?? 'http://localhost:4000';

export default defineConfig(({ command }) => {
  // A build is always the production build, whatever NODE_ENV the shell has: with NODE_ENV=development Vite would
  // bundle React's development build (about 215 KB gzip), over the console's budget.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    plugins: [react()],
    build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 600 },
    server: {
      port: 5173,
      proxy: { '/graphql': api, '/auth': api, '/console-config.json': api },
    },
  };
});
