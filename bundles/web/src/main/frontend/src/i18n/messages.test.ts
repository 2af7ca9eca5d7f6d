import { describe, expect, it } from 'vitest';
import { LAZY_MESSAGE_GROUPS } from './groups';
import { lookup, type Messages } from './index';
import ru from './ru.json';

/** Every module of the UI, as text (Vite's import.meta.glob). */
const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** t('a.b') and t(`a.${x}.c`) calls: the key, or its static start when it is a template. */
function keysIn(source: string): { key: string; dynamic: boolean }[] {
  const found: { key: string; dynamic: boolean }[] = [];
  for (const m of source.matchAll(/\bt\(\s*(['`])([^'`]*?)\1/g)) {
    const text = m[2];
    const dollar = text.indexOf('${');
    found.push(dollar >= 0 ? { key: text.slice(0, dollar), dynamic: true } : { key: text, dynamic: false });
  }
  return found;
}

describe('ru.json and the modules that use it', () => {
  const messages = ru as Messages;

  it('has every text a module asks for', () => {
    const missing: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      for (const { key, dynamic } of keysIn(source)) {
        if (dynamic) {
          const prefix = key.replace(/\.$/, '');
          if (prefix && typeof lookup(messages, prefix) !== 'object') missing.push(`${file}: ${key}…`);
        } else if (lookup(messages, key) === undefined || typeof lookup(messages, key) === 'object' && !('other' in (lookup(messages, key) as Messages))) {
          missing.push(`${file}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('has every lazy group, and each module imports the lazy groups it uses', () => {
    for (const group of LAZY_MESSAGE_GROUPS) expect(typeof lookup(messages, group)).toBe('object');
    const lazy = new Set(LAZY_MESSAGE_GROUPS);
    const problems: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      const groups = new Set(keysIn(source).map(({ key }) => key.split('.')[0]).filter((g) => lazy.has(g)));
      for (const g of groups) {
        if (!source.includes(`'virtual:messages/${g}'`)) problems.push(`${file} uses "${g}" without importing it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the entry modules free of lazy groups', () => {
    for (const file of ['../app/App.tsx', '../pages/Login.tsx', '../components/Layout.tsx', '../pages/Home.tsx']) {
      expect(sources[file], file).toBeDefined();
      expect(sources[file]).not.toContain('virtual:messages/');
    }
  });
});
