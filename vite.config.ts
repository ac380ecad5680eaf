import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
export const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
export const webOutDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Vite only knows `.json`; the map data in `data/` keeps its conventional `.topojson` name (SOURCES.md refers to it),
 * so we treat it as JSON here instead of renaming or copying the file.
 */
function topojson(): Plugin {
  return {
    name: 'regietafel-topojson',
    async load(id) {
      if (!id.endsWith('.topojson')) return null;
      const text = await readFile(id, 'utf8');
      // Parse once at build time so a broken file fails the build, not the browser.
      return { code: `export default ${JSON.stringify(JSON.parse(text))};`, map: null };
    },
  };
}

/**
 * @utrecht/component-library-react ships all components in one module, and its top-level `X.displayName = 'X'`
 * statements count as side effects, so the bundler keeps every component (about 190 KB) although we use a dozen.
 * displayName only serves React DevTools, so the production build drops those lines and tree-shaking works again.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'regietafel-utrecht-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!/@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/.test(id)) return null;
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^'\n]*';$/gm, ''), map: null };
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), topojson(), utrechtTreeShaking()],
  server: {
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
    },
  },
  build: {
    outDir: webOutDir,
    emptyOutDir: true,
    // The Utrecht CSS is one file; splitting it per route would not make first paint faster.
    cssCodeSplit: false,
    chunkSizeWarningLimit: 400,
  },
});
