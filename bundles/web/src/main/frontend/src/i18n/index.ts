/**
 * User-visible texts. Every string the UI shows comes from a message file (ru.json now;
 * another language is one more file and a setMessages call). Keys are dotted paths;
 * `{name}` placeholders are filled from params; a value that is an object of plural
 * categories (one/few/many/other) is chosen by `params.count` with Intl.PluralRules.
 * The entry carries the groups every page needs; groups only some pages use arrive with those
 * pages (vite.config.ts, LAZY_MESSAGE_GROUPS) and are added with addMessages.
 */
import core from 'virtual:messages/core';

export type Params = Record<string, string | number>;
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export interface Messages {
  [key: string]: string | Messages;
}

const PLURAL_CATEGORIES: ReadonlySet<string> = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

let current: { locale: string; messages: Messages } = { locale: 'ru', messages: core };

/** Switches the language (for a later English file, and for tests). */
export function setMessages(locale: string, messages: Messages): void {
  current = { locale, messages };
}

/**
 * Adds groups of texts to the current language: a page's own groups, which travel in its lazy
 * chunk (`import texts from 'virtual:messages/accounts'; addMessages(texts)`).
 */
export function addMessages(...groups: Messages[]): void {
  current = { locale: current.locale, messages: Object.assign({}, current.messages, ...groups) };
}

export function currentLocale(): string {
  return current.locale;
}

/** The value at a dotted key, or undefined. */
export function lookup(messages: Messages, key: string): string | Messages | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

function isPluralForms(value: Messages): value is PluralForms {
  const keys = Object.keys(value);
  return (
    typeof value.other === 'string' &&
    keys.every((k) => PLURAL_CATEGORIES.has(k) && typeof value[k] === 'string')
  );
}

/** Replaces `{name}` with params.name; unknown placeholders stay as written. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The text for key in the given messages; the key itself when missing (so a gap shows, not a blank). */
export function translate(locale: string, messages: Messages, key: string, params?: Params): string {
  const value = lookup(messages, key);
  if (typeof value === 'string') return interpolate(value, params);
  if (value && isPluralForms(value)) {
    const count = params?.count;
    const category = typeof count === 'number' ? new Intl.PluralRules(locale).select(count) : 'other';
    return interpolate(value[category] ?? value.other, params);
  }
  if (import.meta.env?.DEV) console.warn(`i18n: missing text for "${key}"`);
  return key;
}

/** The text for key in the current language. */
export function t(key: string, params?: Params): string {
  return translate(current.locale, current.messages, key, params);
}

/** Whether the current language has a text for key (for optional texts such as per-status errors). */
export function has(key: string): boolean {
  return lookup(current.messages, key) !== undefined;
}
