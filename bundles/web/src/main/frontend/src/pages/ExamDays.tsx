import { useState } from 'preact/hooks';
import { asPage, get, post } from '../api/client';
import { errorMessage } from '../api/problem';
import type { ExamDay, Page } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { useRemote } from '../app/useRemote';
import { ErrorSummary, FormActions, RequiredNote, SelectField, TextField } from '../components/Form';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import { NO_ERRORS, type FieldErrors } from '../lib/fieldErrors';
import { daysUntilText, formatLongDate, localIsoDate, nextExamDay } from '../lib/format';
import { atRegion, registryFieldErrors } from '../lib/registryForm';
import examDaysTexts from 'virtual:messages/examDays';
import formTexts from 'virtual:messages/form';

addMessages(examDaysTexts, formTexts);

const KINDS = ['MAIN', 'ADDITIONAL'] as const;
const DAY_ALIASES = { date: ['Дата'], kind: ['Срок'] };

function NewExamDay({ onAdded }: { onAdded: (day: ExamDay) => void }) {
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<string>('MAIN');
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const labels = { date: t('examDays.date'), kind: t('examDays.kindLabel') };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setErrors({ fields: { date: [t('form.required', { field: labels.date })] }, other: [] });
      return;
    }
    setBusy(true);
    try {
      const created = await post<ExamDay>('/exam-days', { date, kind });
      setErrors(NO_ERRORS);
      setDate('');
      onAdded(created);
    } catch (err) {
      setErrors(registryFieldErrors(err, DAY_ALIASES));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="panel disclosure">
      <summary>{t('examDays.add')}</summary>
      <form class="wide-form" onSubmit={submit} noValidate aria-label={t('examDays.add')}>
        <p class="hint">{t('examDays.addIntro')}</p>
        <RequiredNote />
        <ErrorSummary errors={errors} labels={labels} fieldId={(f) => `exam-day-${f}`} />
        <div class="form-grid">
          <TextField id="exam-day-date" label={labels.date} type="date" value={date} onValue={setDate} errors={errors.fields.date} required />
          <SelectField
            id="exam-day-kind"
            label={labels.kind}
            value={kind}
            onValue={setKind}
            options={KINDS.map((k) => ({ value: k, label: t(`examDayKind.${k}`) }))}
            errors={errors.fields.kind}
            required
          />
        </div>
        <FormActions>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.saving') : t('examDays.create')}
          </button>
        </FormActions>
      </form>
    </details>
  );
}

/** Exam days of the region; each leads to its seating per school. With EXAM_DAYS_EDIT (region) a form adds a day. */
export default function ExamDays() {
  const { account } = useSession();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState('');
  const remote = useRemote(
    (signal) => get<Page<ExamDay> | ExamDay[]>('/exam-days', { signal }).then((v) => asPage(v).items),
    [version],
  );
  const days = [...(remote.data ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const next = nextExamDay(days, localIsoDate());
  return (
    <>
      <PageHeading title={t('examDays.title')} />
      <p>{t('examDays.intro')}</p>
      {hasPermission(account, 'EXAM_DAYS_EDIT') && atRegion(account) && (
        <NewExamDay
          onAdded={(day) => {
            setNotice(t('examDays.created', { date: formatLongDate(day.date) }));
            setVersion((v) => v + 1);
          }}
        />
      )}
      <StatusMessage>
        {remote.loading
          ? t('list.loading')
          : remote.data
            ? `${notice ? `${notice} ` : ''}${t('examDays.count', { count: days.length })}`
            : ''}
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
