import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contract } from './electron/core/contract';

/**
 * renderer/src/boot.ts is an entry of its own, and its script comes first in index.html: it runs as
 * soon as it arrives (a few kB, async), asking for the sign-in status and the case list while the
 * browser is still loading and evaluating React and Mantine. main.tsx imports it too (the same
 * module, not a copy: the app chunk imports it from the boot chunk).
 */
function bootFirst(): Plugin {
  return {
    name: 'sucai-boot-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const boot = Object.values(context.bundle ?? {}).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'boot');
        if (!boot || !html.includes('<script type="module"')) throw new Error('renderer build: boot chunk or app script missing');
        // async: run as soon as it arrives, not after the stylesheet has loaded (as the app's script must)
        return html.replace('<script type="module"', `<script type="module" async crossorigin src="./${boot.fileName}"></script>\n    <script type="module"`);
      },
    },
  };
}

/**
 * `virtual:contract-access`: each contract method's access, for the renderer's session.ts (what the
 * signed-in person may do). Read from the contract here, at build time, so the first screen does
 * not load zod and build every method's schemas just to read these (a tenth of its first paint).
 */
function contractAccess(): Plugin {
  const id = 'virtual:contract-access';
  const table = Object.fromEntries(Object.entries(contract).map(([method, spec]) => [method, spec.access]));
  return {
    name: 'sucai-contract-access',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (module) => (module === `\0${id}` ? `export default ${JSON.stringify(table)};` : null),
  };
}

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
    plugins: [react(), bootFirst(), contractAccess()],
    // Minified (electron-vite leaves it off): the browser parses a third of the bytes before the first paint.
    build: {
      minify: true,
      rolldownOptions: { input: { boot: resolve(__dirname, 'renderer/src/boot.ts'), index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
