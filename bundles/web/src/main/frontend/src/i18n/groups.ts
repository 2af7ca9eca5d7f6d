/**
 * The groups of ru.json that only some pages use. The entry chunk carries every other group
 * (`virtual:messages/core`: sign-in, menu, errors, home, lists); a module that uses one of
 * these imports it (`import texts from 'virtual:messages/accounts'`) and registers it with
 * addMessages, so those texts travel in its lazy chunk. ru.json stays the one file of texts;
 * the plugin in vite.config.ts cuts it up, and messages.test.ts checks every module imports
 * the groups it uses.
 */
export const LAZY_MESSAGE_GROUPS: readonly string[] = [
  'form',
  'sex',
  'category',
  'auditoriumRole',
  'participant',
  'import',
  'municipalities',
  'school',
  'venues',
  'venue',
  'examDays',
  'seating',
  'accounts',
  'sheet',
  'audit',
];
