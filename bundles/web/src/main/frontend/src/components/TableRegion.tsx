import type { ComponentChildren } from 'preact';

/**
 * A horizontally scrollable box for a wide table. It can take focus (tabIndex 0) so a
 * keyboard user can scroll it, and is named by the table's caption.
 */
export function TableRegion({ captionId, busy, children }: { captionId: string; busy: boolean; children: ComponentChildren }) {
  return (
    <div class="table-region" role="region" aria-labelledby={captionId} aria-busy={busy} tabIndex={0}>
      {children}
    </div>
  );
}
