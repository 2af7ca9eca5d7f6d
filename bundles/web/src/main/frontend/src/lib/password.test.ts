import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password';

describe('passwordProblems', () => {
  it('accepts a long password typed twice', () => {
    expect(passwordProblems('ivanova', 'Выдан-1234', 'долгий-пароль-2027', 'долгий-пароль-2027')).toEqual([]);
  });

  it('wants the current password', () => {
    expect(passwordProblems('ivanova', '', 'долгий-пароль-2027', 'долгий-пароль-2027')).toEqual(['currentMissing']);
  });

  it('wants at least 12 characters (counted as characters, not bytes)', () => {
    expect(passwordProblems('x', 'old', 'короткий', 'короткий')).toEqual(['tooShort']);
    expect(passwordProblems('x', 'old', 'пароль-12345', 'пароль-12345')).toEqual([]);
  });

  it('refuses the login as password, whatever the case', () => {
    expect(passwordProblems('Operator.Region', 'old', 'operator.region', 'operator.region')).toEqual(['sameAsLogin']);
  });

  it('refuses a password that contains the login, as the server does', () => {
    expect(passwordProblems('rcoi', 'old', 'Rcoi-password-2026', 'Rcoi-password-2026')).toEqual(['sameAsLogin']);
    expect(passwordProblems('rcoi', 'old', 'Region-admin-2026', 'Region-admin-2026')).toEqual([]);
  });

  it('wants both new passwords equal and different from the current one', () => {
    expect(passwordProblems('x', 'old', 'долгий-пароль-2027', 'долгий-пароль-2028')).toEqual(['mismatch']);
    expect(passwordProblems('x', 'долгий-пароль-2027', 'долгий-пароль-2027', 'долгий-пароль-2027')).toEqual([
      'sameAsCurrent',
    ]);
  });
});
