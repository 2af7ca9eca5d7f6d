/** Groups of ru.json as modules (the vite.config.ts plugin `attesta-message-groups`). */
declare module 'virtual:messages/*' {
  import type { Messages } from './index';
  const messages: Messages;
  export default messages;
}
