import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { t } from '../i18n';
import type { Account } from '../api/types';
import { currentSection, href, visibleSections } from '../app/nav';

/**
 * The frame of every signed-in page: skip link, header with the user's menu, the sections
 * menu (only what the account may open) and the main region.
 * `restricted`: the account must change its password first, so no sections are offered.
 */
export function Layout({
  account,
  restricted,
  onLogout,
  children,
}: {
  account: Account;
  restricted: boolean;
  onLogout: () => void;
  children: ComponentChildren;
}) {
  const { path } = useLocation();
  const sections = restricted ? [] : visibleSections(account.permissions);
  const active = currentSection(path, sections);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="site-header">
        <div class="header-bar">
          <p class="brand">
            {restricted ? (
              <span class="brand-name">{t('app.name')}</span>
            ) : (
              <a class="brand-name" href={href('')}>
                {t('app.name')}
              </a>
            )}
            <span class="brand-tagline">{t('app.tagline')}</span>
          </p>
          <section class="user-menu" aria-label={t('user.menu')}>
            <span class="user-name">{t('user.signedInAs', { name: account.displayName || account.login })}</span>
            {!restricted && (
              <a href={href('password')} aria-current={path === href('password') ? 'page' : undefined}>
                {t('user.changePassword')}
              </a>
            )}
            <button type="button" class="link-button" onClick={onLogout}>
              {t('user.logout')}
            </button>
          </section>
        </div>
        {sections.length > 0 && (
          <nav class="site-nav" aria-label={t('nav.label')}>
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={href(s.section)} aria-current={active?.id === s.id ? 'page' : undefined}>
                    {t(s.labelKey)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
