/** The password rules the UI checks before asking the server (which has the last word). */
export const MIN_PASSWORD_LENGTH = 12;

export type PasswordProblem = 'currentMissing' | 'tooShort' | 'sameAsLogin' | 'mismatch' | 'sameAsCurrent';

export function passwordProblems(
  login: string,
  current: string,
  next: string,
  repeat: string,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (current === '') problems.push('currentMissing');
  if ([...next].length < MIN_PASSWORD_LENGTH) problems.push('tooShort');
  // The server refuses any password that contains the login, not only the login itself.
  const name = login.trim().toLowerCase();
  if (next !== '' && name !== '' && next.toLowerCase().includes(name)) problems.push('sameAsLogin');
  if (next !== repeat) problems.push('mismatch');
  if (next !== '' && next === current) problems.push('sameAsCurrent');
  return problems;
}
