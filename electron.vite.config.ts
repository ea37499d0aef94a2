import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Our layout is not electron-vite's default src/: name every entry (toolchain.md).
export default defineConfig({
  main: {
    build: { rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } } },
  },
  preload: {
    // One self-contained CommonJS file (zod bundled in), so the preload runs with sandbox: true.
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    // Minified (electron-vite leaves it off): the browser parses a third of the bytes before the first paint.
    build: { minify: true, rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
  },
});
