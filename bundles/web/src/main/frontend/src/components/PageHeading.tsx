import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

let focusPending = false;

/** The next page heading to appear takes focus (after signing in or out, when the whole view changes). */
export function requestHeadingFocus(): void {
  focusPending = true;
}

/** Focus the current page's heading, so screen readers announce the new page (router navigation). */
export function focusPageHeading(): void {
  document.getElementById('page-title')?.focus();
}

/** The page's h1; also sets the document title. */
export function PageHeading({ title, children }: { title: string; children?: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [title]);
  useEffect(() => {
    if (focusPending) {
      focusPending = false;
      ref.current?.focus();
    }
  }, []);
  return (
    <h1 id="page-title" tabIndex={-1} ref={ref}>
      {children ?? title}
    </h1>
  );
}
