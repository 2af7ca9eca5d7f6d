// The UI's own Russian texts (bundles/web/src/main/frontend/src/i18n/ru.json), so that locators
// follow a reworded label instead of breaking on it. The distribution under test is built from
// the same sources; ATTESTA_UI_MESSAGES names another ru.json.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.env.ATTESTA_UI_MESSAGES || join(here, '..', '..', '..', 'bundles', 'web', 'src', 'main', 'frontend', 'src', 'i18n', 'ru.json');
const messages = JSON.parse(readFileSync(file, 'utf8'));
const plural = new Intl.PluralRules('ru');

/** The text of a key as the UI shows it: {name} placeholders filled, plurals chosen by params.count. */
export function t(key, params = {}) {
  let value = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), messages);
  if (value && typeof value === 'object') value = value[plural.select(Number(params.count))] ?? value.other;
  if (typeof value !== 'string') throw new Error(`no UI text ${key} in ${file}`);
  return value.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A text as a literal inside a regular expression. */
export function esc(text) {
  return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching the UI text of `key` with `params`; extra placeholders match anything. */
export function tre(key, params = {}, flags = '') {
  const parts = t(key, params).split(/\{\w+\}/);
  return new RegExp(parts.map(esc).join('.*?'), flags);
}
