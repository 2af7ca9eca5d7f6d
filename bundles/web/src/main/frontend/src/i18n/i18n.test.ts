import { afterEach, describe, expect, it } from 'vitest';
import ru from './ru.json';
import { interpolate, lookup, setMessages, t, translate, type Messages } from './index';

afterEach(() => setMessages('ru', ru));

describe('t', () => {
  it('finds a text by dotted key', () => {
    expect(t('login.submit')).toBe('Войти');
  });

  it('fills placeholders from params', () => {
    expect(t('user.signedInAs', { name: 'Иванова А. П.' })).toBe('Вы вошли как Иванова А. П.');
    expect(t('list.range', { from: 1, to: 50, total: 120 })).toBe('Показаны 1–50 из 120.');
  });

  it('returns the key for a missing text, so the gap is visible', () => {
    expect(t('no.such.key')).toBe('no.such.key');
    expect(t('login')).toBe('login'); // a group, not a text
  });

  it('chooses Russian plural forms by count', () => {
    expect(t('list.found', { count: 1 })).toBe('Найдена 1 запись.');
    expect(t('list.found', { count: 21 })).toBe('Найдена 21 запись.');
    expect(t('list.found', { count: 3 })).toBe('Найдено 3 записи.');
    expect(t('list.found', { count: 5 })).toBe('Найдено 5 записей.');
    expect(t('list.found', { count: 11 })).toBe('Найдено 11 записей.');
    expect(t('list.found', { count: 0 })).toBe('Найдено 0 записей.');
  });

  it('uses another language once set', () => {
    setMessages('en', { login: { submit: 'Sign in' }, n: { one: '{count} file', other: '{count} files' } });
    expect(t('login.submit')).toBe('Sign in');
    expect(t('n', { count: 1 })).toBe('1 file');
    expect(t('n', { count: 2 })).toBe('2 files');
  });
});

describe('helpers', () => {
  it('interpolate leaves unknown placeholders and accepts no params', () => {
    expect(interpolate('{a} и {b}', { a: 1 })).toBe('1 и {b}');
    expect(interpolate('без параметров')).toBe('без параметров');
    expect(interpolate('{a}', { a: '$& {b}' })).toBe('$& {b}');
  });

  it('lookup walks nested groups', () => {
    const m: Messages = { a: { b: { c: 'x' } } };
    expect(lookup(m, 'a.b.c')).toBe('x');
    expect(lookup(m, 'a.b.c.d')).toBeUndefined();
    expect(lookup(m, 'a.z')).toBeUndefined();
  });

  it('translate without a count takes the "other" plural form', () => {
    expect(translate('ru', ru, 'list.found', {})).toBe('Найдено {count} записи.');
  });
});

describe('ru.json', () => {
  it('names every role of the platform', () => {
    for (const role of [
      'REGION_ADMINISTRATOR',
      'REGION_OPERATOR',
      'MUNICIPAL_SPECIALIST',
      'SCHOOL_HEAD',
      'RESPONSIBLE_ORGANIZER',
      'TECHNICAL_SPECIALIST',
      'EXPERT',
    ]) {
      expect(typeof lookup(ru, `roles.${role}`)).toBe('string');
    }
  });
});
