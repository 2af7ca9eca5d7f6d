/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { LAZY_MESSAGE_GROUPS } from './src/i18n/groups';
import ru from './src/i18n/ru.json';

const PREFIX = 'virtual:messages/';

/** `virtual:messages/core` and `virtual:messages/<group>`: parts of ru.json (see src/i18n/groups.ts). */
function messageGroups(): Plugin {
  const all = ru as Record<string, unknown>;
  const lazy = new Set<string>(LAZY_MESSAGE_GROUPS);
  return {
    name: 'attesta-message-groups',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const group = id.slice(PREFIX.length + 1);
      let picked: Record<string, unknown>;
      if (group === 'core') {
        picked = Object.fromEntries(Object.entries(all).filter(([key]) => !lazy.has(key)));
      } else if (lazy.has(group) && group in all) {
        picked = { [group]: all[group] };
      } else {
        this.error(`ru.json has no lazy message group "${group}" (see LAZY_MESSAGE_GROUPS)`);
      }
      return `export default ${JSON.stringify(picked)};`;
    },
  };
}

// The bundle serves the UI under /ui/ (org.attesta.web.internal.WebUiServlet); the build
// writes straight into the bundle's classes so that the jar carries web/**.
export default defineConfig({
  base: '/ui/',
  plugins: [messageGroups()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: '../../../target/classes/web',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser we support has modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    // No data: URIs for scripts, styles or fonts (CSP); images may be data: but need not be.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npm run dev` against a running distribution: same-origin /api through the dev server.
    proxy: { '/api': 'http://127.0.0.1:8181' },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
