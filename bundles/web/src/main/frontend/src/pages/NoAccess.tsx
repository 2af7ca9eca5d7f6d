import { PageHeading } from '../components/PageHeading';
import { href } from '../app/nav';
import { t } from '../i18n';

export default function NoAccess() {
  return (
    <>
      <PageHeading title={t('common.noAccess')} />
      <p>{t('common.noAccessText')}</p>
      <p>
        <a href={href('')}>{t('common.toHome')}</a>
      </p>
    </>
  );
}
