import { asPage, get } from '../api/client';
import { errorMessage } from '../api/problem';
import type { ExamDay, Page } from '../api/types';
import { href } from '../app/nav';
import { useRemote } from '../app/useRemote';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import { daysUntilText, formatLongDate, localIsoDate, nextExamDay } from '../lib/format';
import examDaysTexts from 'virtual:messages/examDays';

addMessages(examDaysTexts);

/** Exam days of the region; each leads to its seating per school. */
export default function ExamDays() {
  const remote = useRemote(
    (signal) => get<Page<ExamDay> | ExamDay[]>('/exam-days', { signal }).then((v) => asPage(v).items),
    [],
  );
  const days = [...(remote.data ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const next = nextExamDay(days, localIsoDate());
  return (
    <>
      <PageHeading title={t('examDays.title')} />
      <p>{t('examDays.intro')}</p>
      <StatusMessage>
        {remote.loading ? t('list.loading') : remote.data ? t('examDays.count', { count: days.length }) : ''}
      </StatusMessage>
      <ErrorMessage>{remote.error ? errorMessage(remote.error) : ''}</ErrorMessage>
      {remote.data && days.length === 0 && <p>{t('home.noExamDays')}</p>}
      {days.length > 0 && (
        <TableRegion captionId="exam-days-caption" busy={remote.loading}>
          <table class="data">
            <caption id="exam-days-caption">{t('examDays.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('examDays.date')}</th>
                <th scope="col">{t('examDays.kind')}</th>
                <th scope="col">{t('examDays.year')}</th>
                <th scope="col">{t('examDays.when')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a href={href(`exam-days/${d.id}`)}>{formatLongDate(d.date)}</a>
                  </th>
                  <td>{t(`examDayKind.${d.kind}`)}</td>
                  <td class="nowrap">{d.schoolYear}</td>
                  <td>
                    {next?.day.id === d.id
                      ? daysUntilText(next.daysUntil)
                      : d.date < localIsoDate()
                        ? t('examDays.past')
                        : t('common.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
