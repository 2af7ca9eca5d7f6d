import type { ComponentChildren } from 'preact';

/**
 * Live regions. They stay in the page even when empty, so that a message appearing later
 * is announced; `polite` for progress and results, `assertive` (role=alert) for errors.
 */
export function StatusMessage({ children, id }: { children?: ComponentChildren; id?: string }) {
  return (
    <p id={id} class="status" role="status" aria-live="polite" aria-atomic="true">
      {children}
    </p>
  );
}

export function ErrorMessage({ children, id }: { children?: ComponentChildren; id?: string }) {
  return (
    <div id={id} class="error" role="alert" aria-live="assertive" aria-atomic="true">
      {children}
    </div>
  );
}
