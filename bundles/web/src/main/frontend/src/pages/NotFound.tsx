import { PageHeading } from '../components/PageHeading';
import { href } from '../app/nav';
import { t } from '../i18n';

export default function NotFound() {
  return (
    <>
      <PageHeading title={t('common.notFound')} />
      <p>{t('common.notFoundText')}</p>
      <p>
        <a href={href('')}>{t('common.toHome')}</a>
      </p>
    </>
  );
}
