import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { get } from '../api/client';
import { errorMessage } from '../api/problem';
import type { AuditEntry, ChainVerification, Page } from '../api/types';
import { href } from '../app/nav';
import { useRemote } from '../app/useRemote';
import { FormActions, SelectField, TextField } from '../components/Form';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { ListStatus } from '../components/ListStatus';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import { AUDIT_ACTIONS, changeRows, dayAfter, dayStart } from '../lib/audit';
import { formatCount, formatDateTime } from '../lib/format';
import { listAddress, pageNumber } from '../lib/listQuery';
import auditTexts from 'virtual:messages/audit';

addMessages(auditTexts);

const SIZE = 50;
const FIELDS = ['actor', 'action', 'objectType', 'objectId', 'outcome', 'from', 'to'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

function Changes({ entry }: { entry: AuditEntry }) {
  const rows = changeRows(entry.before, entry.after);
  return (
    <div class="audit-detail">
      {rows.length === 0 ? (
        <p>{t('audit.noChanges')}</p>
      ) : (
        <table class="data changes">
          <caption>{t('audit.changesCaption', { sequence: entry.sequence })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} class={r.changed ? 'changed' : undefined}>
                <th scope="row" class="mono">
                  {r.field}
                </th>
                <td class="prewrap">{r.before ?? t('common.none')}</td>
                <td class="prewrap">{r.after ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint mono hash">
        {t('audit.hash')}: {entry.hash}
      </p>
    </div>
  );
}

function Anchors({ result }: { result: ChainVerification }) {
  if (result.anchors === 0) return <p class="hint">{t('audit.noAnchors')}</p>;
  if (!result.anchoredAt) return <p class="hint">{t('audit.noGenuineAnchors', { count: formatCount(result.anchors) })}</p>;
  return (
    <p class="hint">
      {t('audit.anchored', {
        sequence: result.anchoredSequence,
        at: formatDateTime(result.anchoredAt),
        count: formatCount(result.anchors),
      })}
    </p>
  );
}

function Verify() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [error, setError] = useState('');
  async function verify() {
    setBusy(true);
    setError('');
    setResult(null);
    try {
      setResult(await get<ChainVerification>('/audit/verify'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  const intact = result !== null && result.firstBroken === 0;
  return (
    <section class="panel" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('audit.verifyTitle')}</h2>
      <p>{t('audit.verifyText')}</p>
      <FormActions>
        <button type="button" class="primary" onClick={verify} disabled={busy}>
          {busy ? t('audit.verifying') : t('audit.verify')}
        </button>
      </FormActions>
      <StatusMessage>
        {busy ? t('audit.verifying') : intact ? <span class="ok-text">{t('audit.intact', { count: formatCount(result!.entries) })}</span> : ''}
      </StatusMessage>
      <ErrorMessage>
        {error ||
          (result && !intact ? (
            <>
              <p>{t('audit.broken', { sequence: result.firstBroken, count: formatCount(result.entries) })}</p>
              {result.reason && <p>{t('audit.brokenReason', { reason: result.reason })}</p>}
            </>
          ) : (
            ''
          ))}
      </ErrorMessage>
      {result && <Anchors result={result} />}
    </section>
  );
}

/** The audit log: search (all of it in the address), newest first, each entry's before and after on demand. */
export default function Audit() {
  const { query } = useRoute();
  const { route } = useLocation();
  const applied: Filters = Object.fromEntries(FIELDS.map((f) => [f, query[f] ?? ''])) as Filters;
  const page = pageNumber(query.page);
  const [form, setForm] = useState<Filters>(applied);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const key = FIELDS.map((f) => applied[f]).join('\u0000');
  useEffect(() => setForm(applied), [key]);

  const remote = useRemote(
    (signal) =>
      get<Page<AuditEntry>>('/audit', {
        query: {
          actor: applied.actor,
          action: applied.action,
          objectType: applied.objectType,
          objectId: applied.objectId,
          outcome: applied.outcome,
          from: dayStart(applied.from),
          to: dayAfter(applied.to),
          page,
          size: SIZE,
        },
        signal,
      }),
    [key, page],
  );
  const items = remote.data?.items ?? [];
  const total = remote.data?.total ?? 0;
  const text = (name: keyof Filters, label: string, extra: Record<string, unknown> = {}) => ({
    id: `audit-${name}`,
    label,
    value: form[name],
    onValue: (v: string) => setForm((f) => ({ ...f, [name]: v })),
    autocomplete: 'off',
    spellcheck: false,
    ...extra,
  });
  const toggle = (sequence: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(sequence)) next.delete(sequence);
      else next.add(sequence);
      return next;
    });

  return (
    <>
      <PageHeading title={t('audit.title')} />
      <Verify />
      <form
        role="search"
        class="wide-form"
        aria-label={t('audit.searchTitle')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setOpen(new Set());
          route(listAddress(href('audit'), { ...form }), true);
        }}
      >
        <h2>{t('audit.searchTitle')}</h2>
        <div class="form-grid form-grid-4">
          <TextField {...text('actor', t('audit.actor'))} autocapitalize="none" />
          <TextField {...text('action', t('audit.action'))} list="audit-actions" autocapitalize="none" hint={t('audit.actionHint')} />
          <TextField {...text('objectType', t('audit.objectType'))} autocapitalize="none" hint={t('audit.objectTypeHint')} />
          <TextField {...text('objectId', t('audit.objectId'))} autocapitalize="none" />
          <SelectField
            id="audit-outcome"
            label={t('audit.outcome')}
            value={form.outcome}
            onValue={(v) => setForm((f) => ({ ...f, outcome: v }))}
            options={[
              { value: '', label: t('audit.anyOutcome') },
              ...['SUCCESS', 'DENIED', 'FAILED'].map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) })),
            ]}
          />
          <TextField {...text('from', t('audit.from'))} type="date" />
          <TextField {...text('to', t('audit.to'))} type="date" />
        </div>
        <datalist id="audit-actions">
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <FormActions>
          <button type="submit" class="primary">
            {t('audit.search')}
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen(new Set());
              route(href('audit'), true);
            }}
          >
            {t('audit.resetFilters')}
          </button>
        </FormActions>
      </form>
      <ListStatus remote={remote} page={page} size={SIZE} empty={t('audit.empty')} />
      {items.length > 0 && (
        <TableRegion captionId="audit-caption" busy={remote.loading}>
          <table class="data audit">
            <caption id="audit-caption">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.sequence')}</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.outcome')}</th>
                <th scope="col">{t('audit.object')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const expanded = open.has(e.sequence);
                const detailId = `audit-detail-${e.sequence}`;
                return (
                  <Fragment key={e.sequence}>
                    <tr>
                      <th scope="row" class="numeric">
                        {e.sequence}
                      </th>
                      <td class="nowrap">{formatDateTime(e.at)}</td>
                      <td>
                        <span class="mono">{e.actor ?? t('common.none')}</span>
                        <span class="cell-note">
                          {[e.actorKind ? t(`audit.actorKinds.${e.actorKind}`) : '', e.address ?? ''].filter(Boolean).join(', ')}
                        </span>
                      </td>
                      <td class="mono">{e.action}</td>
                      <td>
                        <span class={`outcome outcome-${e.outcome}`}>{t(`audit.outcomes.${e.outcome}`)}</span>
                      </td>
                      <td>
                        {e.objectType ?? t('common.none')}
                        {e.objectId && <span class="cell-note mono">{e.objectId}</span>}
                      </td>
                      <td>
                        <button
                          type="button"
                          class="small"
                          aria-expanded={expanded}
                          aria-controls={detailId}
                          onClick={() => toggle(e.sequence)}
                        >
                          {expanded ? t('audit.hide') : t('audit.show')}
                          <span class="visually-hidden"> {t('audit.entry', { sequence: e.sequence })}</span>
                        </button>
                      </td>
                    </tr>
                    <tr id={detailId} class="detail-row" hidden={!expanded}>
                      <td colSpan={7}>{expanded && <Changes entry={e} />}</td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        page={page}
        size={SIZE}
        total={total}
        shown={items.length}
        onPage={(p) => {
          setOpen(new Set());
          route(listAddress(href('audit'), { ...applied, page: p }));
        }}
      />
    </>
  );
}
