import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { get } from '../api/client';
import { errorMessage } from '../api/problem';
import type { ImportJob, ImportReport } from '../api/types';
import { upload } from '../api/upload';
import { href } from '../app/nav';
import { CheckboxField, FormActions } from '../components/Form';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { ProgressBar } from '../components/ProgressBar';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import { formatCount } from '../lib/format';
import { DIGEST_LIMIT_BYTES, importMediaType, toHex } from '../lib/importFile';
import { formatBytes, jobFinished, jobPercent, percent, pollDelay } from '../lib/progress';
import importTexts from 'virtual:messages/import';

addMessages(importTexts);

type Phase =
  | { kind: 'idle' }
  | { kind: 'hashing' }
  | { kind: 'uploading'; loaded: number; total: number }
  | { kind: 'job'; job: ImportJob | null };

async function sha256(file: File): Promise<string | undefined> {
  // crypto.subtle exists only in secure contexts (https, localhost); the digest is optional.
  if (!globalThis.crypto?.subtle || file.size > DIGEST_LIMIT_BYTES) return undefined;
  try {
    return toHex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  } catch {
    return undefined;
  }
}

function Summary({ job }: { job: ImportJob }) {
  const report = job.report;
  if (job.state === 'FAILED') {
    return (
      <ErrorMessage>
        <p>{t('import.failed')}</p>
        {job.failureMessage && <p>{job.failureMessage}</p>}
      </ErrorMessage>
    );
  }
  if (!report) return null;
  const counts: [string, number][] = [
    [t('import.rows'), report.rows],
    [t('import.created'), report.created],
    [t('import.unchanged'), report.unchanged],
    [t('import.rejected'), report.rejected],
  ];
  return (
    <section class="panel" aria-labelledby="import-result-title">
      <h2 id="import-result-title">{t('import.resultTitle')}</h2>
      {job.state === 'DONE' ? (
        <p class="ok-text">{report.rejected > 0 ? t('import.doneWithRejected') : t('import.done')}</p>
      ) : (
        <p class="error-text">{t('import.rejectedNothingStored')}</p>
      )}
      <dl class="counts">
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">
        {t('import.fileInfo', { source: job.source ?? '', format: report.format, size: formatBytes(job.totalBytes) })}
      </p>
    </section>
  );
}

function RejectedRows({ report }: { report: ImportReport }) {
  if (report.errors.length === 0) return null;
  const lines = new Set(report.errors.map((e) => e.line)).size;
  return (
    <>
      {lines < report.rejected && <p class="hint">{t('import.errorsTruncated', { shown: lines, total: report.rejected })}</p>}
      <TableRegion captionId="import-errors-caption" busy={false}>
        <table class="data">
          <caption id="import-errors-caption">{t('import.errorsCaption', { count: report.errors.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={i}>
                <td class="nowrap numeric">{e.line > 0 ? e.line : t('common.none')}</td>
                <td>{e.column ?? t('common.none')}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

/**
 * Participant file import. The file goes up in the background (async=true): the bar shows
 * the upload, then how much of the file the server has read; the job's id stays in the
 * address so a reload finds the import again. Rejected rows are listed with line, column and
 * reason, and the same file can be sent again storing only the good rows.
 */
export default function ParticipantImport() {
  const { query } = useRoute();
  const { route } = useLocation();
  const jobId = query.job ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [storeValid, setStoreValid] = useState(false);
  const [phase, setPhase] = useState<Phase>(jobId ? { kind: 'job', job: null } : { kind: 'idle' });
  const [error, setError] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const uploadAbort = useRef<AbortController | null>(null);

  useEffect(() => () => uploadAbort.current?.abort(), []);

  // Follow the job named in the address until it finishes.
  useEffect(() => {
    if (!jobId) {
      setPhase((p) => (p.kind === 'job' ? { kind: 'idle' } : p));
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    let attempt = 0;
    const poll = async () => {
      try {
        const job = await get<ImportJob>(`/import-jobs/${encodeURIComponent(jobId)}`, { signal: controller.signal });
        if (stopped) return;
        setPhase({ kind: 'job', job });
        if (!jobFinished(job)) timer = setTimeout(poll, pollDelay(attempt++));
      } catch (e) {
        if (stopped) return;
        setError(errorMessage(e));
        setPhase({ kind: 'idle' });
      }
    };
    setPhase((p) => (p.kind === 'job' && p.job?.id === jobId ? p : { kind: 'job', job: null }));
    poll();
    return () => {
      stopped = true;
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [jobId]);

  async function send(storeValidRows: boolean) {
    if (!file) {
      setError(t('import.chooseFile'));
      fileInput.current?.focus();
      return;
    }
    setError('');
    setPhase({ kind: 'hashing' });
    const digest = await sha256(file);
    const controller = new AbortController();
    uploadAbort.current = controller;
    setPhase({ kind: 'uploading', loaded: 0, total: file.size });
    try {
      const result = await upload<ImportJob>('/participants/import', {
        query: { async: 'true', storeValidRows: storeValidRows ? 'true' : 'false', source: file.name, sha256: digest },
        contentType: importMediaType(file.name, file.type),
        body: file,
        signal: controller.signal,
        onProgress: (loaded, total) => setPhase({ kind: 'uploading', loaded, total }),
      });
      setPhase({ kind: 'job', job: result.body });
      route(`${href('import')}?job=${encodeURIComponent(result.body.id)}`, true);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setError(errorMessage(e));
      setPhase({ kind: 'idle' });
    } finally {
      uploadAbort.current = null;
    }
  }

  function startOver() {
    setError('');
    setPhase({ kind: 'idle' });
    route(href('import'), true);
    setTimeout(() => fileInput.current?.focus());
  }

  const busy = phase.kind === 'hashing' || phase.kind === 'uploading' || (phase.kind === 'job' && (!phase.job || !jobFinished(phase.job)));
  const job = phase.kind === 'job' ? phase.job : null;
  const finished = job !== null && jobFinished(job);

  let progress: { value: number; text: string } | null = null;
  if (phase.kind === 'hashing') progress = { value: 0, text: t('import.hashing') };
  else if (phase.kind === 'uploading') {
    const value = percent(phase.loaded, phase.total);
    progress = { value, text: t('import.uploading', { percent: value, done: formatBytes(phase.loaded), total: formatBytes(phase.total) }) };
  } else if (phase.kind === 'job' && !finished) {
    if (!job) progress = { value: 0, text: t('import.waiting') };
    else {
      const value = jobPercent(job);
      progress = {
        value,
        text:
          job.state === 'QUEUED'
            ? t('import.queued')
            : t('import.reading', { percent: value, rows: formatCount(job.rowsRead), done: formatBytes(job.bytesRead), total: formatBytes(job.totalBytes) }),
      };
    }
  }

  const stage =
    phase.kind === 'hashing'
      ? t('import.stage.hashing')
      : phase.kind === 'uploading'
        ? t('import.stage.uploading')
        : phase.kind === 'job'
          ? job
            ? t(`import.state.${job.state}`)
            : t('import.waiting')
          : '';

  return (
    <>
      <PageHeading title={t('import.title')} />
      <p>{t('import.intro')}</p>
      <form
        class="narrow-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) send(storeValid);
        }}
        noValidate
      >
        <div class="field">
          <label for="import-file">{t('import.file')}</label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-file-hint"
            disabled={busy}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setError('');
            }}
          />
          <p id="import-file-hint" class="hint">
            {t('import.fileHint')}
          </p>
        </div>
        <CheckboxField
          id="import-store-valid"
          label={t('import.storeValid')}
          checked={storeValid}
          onChecked={setStoreValid}
          hint={t('import.storeValidHint')}
        />
        <FormActions>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('import.sending') : t('import.submit')}
          </button>
          {phase.kind === 'uploading' && (
            <button
              type="button"
              onClick={() => {
                uploadAbort.current?.abort();
                setPhase({ kind: 'idle' });
              }}
            >
              {t('import.cancelUpload')}
            </button>
          )}
        </FormActions>
      </form>
      <ErrorMessage>{error}</ErrorMessage>
      {progress && (
        <section class="panel" aria-labelledby="import-progress-label">
          <p id="import-progress-label" class="progress-label">
            {t('import.progressLabel')}
          </p>
          <ProgressBar labelId="import-progress-label" value={progress.value} text={progress.text} />
          <p class="progress-text">{progress.text}</p>
        </section>
      )}
      {/* Announced once per stage; the numbers are in the progress bar, not read out on every tick. */}
      <StatusMessage>{stage}</StatusMessage>
      {finished && job && (
        <>
          <Summary job={job} />
          {job.report && <RejectedRows report={job.report} />}
          <FormActions>
            {job.state === 'REJECTED' &&
              (file ? (
                <button
                  type="button"
                  class="primary"
                  onClick={() => {
                    setStoreValid(true);
                    send(true);
                  }}
                >
                  {t('import.retryValid')}
                </button>
              ) : (
                <p class="hint">{t('import.retryNeedsFile')}</p>
              ))}
            <button type="button" onClick={startOver}>
              {t('import.another')}
            </button>
          </FormActions>
        </>
      )}
    </>
  );
}
