import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { get, post } from '../api/client';
import { errorMessage } from '../api/problem';
import type { ExamDay, Page, School, Seating as SeatingData } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { useRemote } from '../app/useRemote';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CheckboxField } from '../components/Form';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import { debounce } from '../lib/debounce';
import { formatLongDate } from '../lib/format';
import { listAddress } from '../lib/listQuery';
import { seatingCounts, shortTime, timetable } from '../lib/timetable';
import seatingTexts from 'virtual:messages/seating';

addMessages(seatingTexts);

const schoolLabel = (s: School) => `${s.code} — ${s.shortName || s.name}`;

/** Search a school by code or name, choose it from the results, show its seating. */
function SchoolPicker({ current, onChoose }: { current: string; onChoose: (code: string) => void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState(current);
  useEffect(() => setChosen(current), [current]);
  const search = useMemo(() => debounce((value: string) => setQ(value.trim()), 300), []);
  useEffect(() => () => search.cancel(), [search]);
  const results = useRemote(
    (signal) => get<Page<School>>('/schools', { query: { q, size: 50 }, signal }),
    [q],
  );
  const items = results.data?.items ?? [];
  const total = results.data?.total ?? 0;
  // One school in reach (a school's own staff): take it without asking.
  useEffect(() => {
    if (!current && q === '' && items.length === 1 && total === 1) onChoose(items[0].code);
  }, [results.data]);
  const hasCurrent = current === '' || items.some((s) => s.code === current);
  return (
    <form
      role="search"
      aria-label={t('seating.schoolPicker')}
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) onChoose(chosen);
      }}
    >
      <div class="field">
        <label for="seating-school-search">{t('seating.schoolSearch')}</label>
        <input
          id="seating-school-search"
          type="search"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="seating-school-search-hint"
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            search(e.currentTarget.value);
          }}
        />
        <p id="seating-school-search-hint" class="hint">
          {results.loading ? t('list.loading') : t('seating.schoolsFound', { count: total })}
        </p>
      </div>
      <div class="field">
        <label for="seating-school">{t('seating.school')}</label>
        <select id="seating-school" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
          <option value="">{t('seating.chooseSchool')}</option>
          {!hasCurrent && <option value={current}>{current}</option>}
          {items.map((s) => (
            <option key={s.code} value={s.code}>
              {schoolLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div class="filter-actions">
        <button type="submit" class="primary" disabled={!chosen}>
          {t('seating.show')}
        </button>
      </div>
    </form>
  );
}

function Timetable({ data, day, linkParticipants }: { data: SeatingData; day: string; linkParticipants: boolean }) {
  const table = useMemo(() => timetable(data.seats), [data.seats]);
  if (table.columns.length === 0) return <p>{t('seating.noSeats')}</p>;
  return (
    <TableRegion captionId="seating-caption" busy={false}>
      <table class="data timetable">
        <caption id="seating-caption">{t('seating.caption', { school: data.schoolCode, date: day })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('seating.time')}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c.auditoriumId}>
                {t('seating.auditorium', { number: c.number })}
                <span class="column-note">{t('seating.seatsInRoom', { count: c.seats })}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.start}>
              <th scope="row" class="nowrap">
                {row.start}
              </th>
              {row.cells.map((cell, i) => (
                <td key={table.columns[i].auditoriumId} class={cell.length ? undefined : 'empty-cell'}>
                  {cell.map((s) => (
                    <div key={s.participantId} class={`seat${s.specialNeeds ? ' seat-special' : ''}${s.manual ? ' seat-manual' : ''}`}>
                      {linkParticipants ? (
                        <a href={href(`participants/${s.participantId}`)}>{s.participantName}</a>
                      ) : (
                        <span>{s.participantName}</span>
                      )}
                      <span class="seat-time">
                        {shortTime(s.start)}–{shortTime(s.end)}
                      </span>
                      {(s.specialNeeds || s.manual) && (
                        <span class="badges">
                          {s.specialNeeds && <span class="badge badge-special">{t('seating.specialNeeds')}</span>}
                          {s.manual && <span class="badge badge-manual">{t('seating.manual')}</span>}
                        </span>
                      )}
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The seating of one school on one exam day, as a timetable per auditorium, and its computation. */
export default function Seating() {
  const { params, query } = useRoute();
  const { route } = useLocation();
  const { account } = useSession();
  const id: string = params.id;
  const school = query.school ?? '';
  const canSeat = hasPermission(account, 'SEATING_EDIT');
  const linkParticipants = hasPermission(account, 'PARTICIPANTS_READ');

  const day = useRemote((signal) => get<ExamDay>(`/exam-days/${encodeURIComponent(id)}`, { signal }), [id]);
  const [seating, setSeating] = useState<SeatingData | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [recomputeManual, setRecomputeManual] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [computing, setComputing] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    setSeating(null);
    setError('');
    setNotice('');
    if (!school) return;
    const controller = new AbortController();
    setLoading(true);
    get<SeatingData>(`/exam-days/${encodeURIComponent(id)}/seating`, { query: { school }, signal: controller.signal }).then(
      (s) => {
        setSeating(s);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [id, school]);

  async function compute() {
    setComputing(true);
    setError('');
    setNotice('');
    try {
      const result = await post<SeatingData>(`/exam-days/${encodeURIComponent(id)}/seating`, undefined, {
        query: { school, keepManual: recomputeManual ? 'false' : undefined },
      });
      setSeating(result);
      setNotice(t('seating.computed', { seated: result.seats.length, unseated: result.unseated.length }));
      resultRef.current?.focus();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setComputing(false);
      setConfirm(false);
    }
  }

  const dayText = day.data ? formatLongDate(day.data.date) : '';
  const title = day.data ? t('seating.title', { date: dayText }) : t('seating.titleShort');
  const counts = seating ? seatingCounts(seating.seats) : null;
  return (
    <>
      <PageHeading title={title} />
      <p class="back-link">
        <a href={href('exam-days')}>{t('seating.backToDays')}</a>
      </p>
      {day.data && <p>{t('seating.dayInfo', { kind: t(`examDayKind.${day.data.kind}`), year: day.data.schoolYear })}</p>}
      <ErrorMessage>{day.error ? errorMessage(day.error) : ''}</ErrorMessage>
      <SchoolPicker current={school} onChoose={(code) => route(listAddress(href(`exam-days/${id}`), { school: code }), true)} />
      <StatusMessage>{loading ? t('app.loading') : notice}</StatusMessage>
      <ErrorMessage>{error}</ErrorMessage>
      {seating && counts && (
        <section aria-labelledby="seating-result-title">
          <h2 id="seating-result-title" tabIndex={-1} ref={resultRef}>
            {t('seating.resultTitle', { school: seating.schoolCode })}
          </h2>
          <p>
            {t('seating.summary', { seated: counts.seats, special: counts.specialNeeds, manual: counts.manual, unseated: seating.unseated.length })}
          </p>
          <div class="panel no-print">
            {canSeat && (
              <CheckboxField
                id="seating-recompute-manual"
                label={t('seating.recomputeManual')}
                checked={recomputeManual}
                onChecked={setRecomputeManual}
                hint={t('seating.recomputeManualHint')}
              />
            )}
            <div class="form-actions">
              {canSeat && (
                <button
                  type="button"
                  class="primary"
                  disabled={computing}
                  onClick={() => (seating.seats.length > 0 ? setConfirm(true) : compute())}
                >
                  {computing ? t('seating.computing') : t('seating.compute')}
                </button>
              )}
              <button type="button" onClick={() => window.print()}>
                {t('common.print')}
              </button>
            </div>
          </div>
          <p class="legend">
            <span class="badge badge-special">{t('seating.specialNeeds')}</span> {t('seating.specialNeedsLegend')}{' '}
            <span class="badge badge-manual">{t('seating.manual')}</span> {t('seating.manualLegend')}
          </p>
          <Timetable data={seating} day={dayText} linkParticipants={linkParticipants} />
          <h3>{t('seating.unseatedTitle', { count: seating.unseated.length })}</h3>
          {seating.unseated.length === 0 ? (
            <p>{t('seating.allSeated')}</p>
          ) : (
            <>
              <p class="hint">{t('seating.unseatedHint')}</p>
              <ul class="name-list">
                {seating.unseated.map((u) => (
                  <li key={u.participantId}>
                    {linkParticipants ? <a href={href(`participants/${u.participantId}`)}>{u.participantName}</a> : u.participantName}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <ConfirmDialog
        open={confirm}
        title={t('seating.confirmTitle')}
        confirmLabel={computing ? t('seating.computing') : t('seating.compute')}
        busy={computing}
        onConfirm={compute}
        onCancel={() => setConfirm(false)}
      >
        <p>{recomputeManual ? t('seating.confirmAll') : t('seating.confirmKeepManual')}</p>
      </ConfirmDialog>
    </>
  );
}
