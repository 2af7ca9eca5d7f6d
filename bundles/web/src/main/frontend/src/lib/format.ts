/** Pure formatting helpers: labels, dates, durations, list ranges. */
import { has, t } from '../i18n';
import type { ExamDay, IdentityDocument, Participant, RoleGrant, Scope } from '../api/types';

/** The Russian name of a role; the code itself for a role this UI does not know yet. */
export function roleLabel(role: string): string {
  const key = `roles.${role}`;
  return has(key) ? t(key) : role;
}

/** The territory of a scope: the whole region, a municipality or a school (by code). */
export function scopeLabel(scope: Scope): string {
  switch (scope.level) {
    case 'REGION':
      return t('scope.REGION');
    case 'MUNICIPALITY':
    case 'SCHOOL':
      return t(`scope.${scope.level}`, { code: scope.code ?? '' });
    default:
      return String(scope.level);
  }
}

/** "Специалист МОУО — муниципалитет 02". */
export function grantLabel(grant: RoleGrant): string {
  return t('scope.grant', { role: roleLabel(grant.role), scope: scopeLabel(grant.scope) });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "2009-05-01" as "01.05.2009"; no time zone is involved. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t('common.none');
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** A calendar date in words, "11 февраля 2027 г.", in the current language. */
export function formatLongDate(iso: string, locale = 'ru-RU'): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
export function localIsoDate(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = ISO_DATE.exec(from);
  const b = ISO_DATE.exec(to);
  if (!a || !b) return Number.NaN;
  const ms = Date.UTC(+b[1], +b[2] - 1, +b[3]) - Date.UTC(+a[1], +a[2] - 1, +a[3]);
  return Math.round(ms / 86_400_000);
}

/** The first exam day on or after today, with the days left; null when none is ahead. */
export function nextExamDay(days: ExamDay[], today: string): { day: ExamDay; daysUntil: number } | null {
  const ahead = days
    .filter((d) => ISO_DATE.test(d.date) && d.date >= today)
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return ahead.length ? { day: ahead[0], daysUntil: daysBetween(today, ahead[0].date) } : null;
}

/** The latest exam day before today, or null when none has passed. */
export function lastExamDay(days: ExamDay[], today: string): ExamDay | null {
  let last: ExamDay | null = null;
  for (const d of days) {
    if (ISO_DATE.test(d.date) && d.date < today && (last === null || d.date > last.date)) last = d;
  }
  return last;
}

/** "до собеседования N дней" / today / tomorrow. */
export function daysUntilText(daysUntil: number): string {
  if (daysUntil === 0) return t('home.today');
  if (daysUntil === 1) return t('home.tomorrow');
  return t('home.inDays', { count: daysUntil });
}

/** A wait in hours, minutes and seconds, the two largest units: "5 минут", "1 минуту 30 секунд". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const parts: string[] = [];
  if (hours) parts.push(t('duration.hours', { count: hours }));
  if (minutes) parts.push(t('duration.minutes', { count: minutes }));
  if (seconds || parts.length === 0) parts.push(t('duration.seconds', { count: seconds }));
  const shown = parts.slice(0, 2);
  return shown.length === 2 ? t('duration.join', { a: shown[0], b: shown[1] }) : shown[0];
}

export function fullName(p: Pick<Participant, 'surname' | 'name' | 'patronymic'>): string {
  return [p.surname, p.name, p.patronymic].filter((x) => x && x.trim() !== '').join(' ');
}

/** A document as the server returned it (numbers may be masked there): "Паспорт РФ 45 ** ******". */
export function documentLabel(doc: IdentityDocument | null | undefined): string {
  if (!doc) return t('common.none');
  const type = doc.type ? (has(`documentType.${doc.type}`) ? t(`documentType.${doc.type}`) : doc.type) : '';
  const text = [type, doc.series, doc.number].filter((x) => x && String(x).trim() !== '').join(' ');
  return text === '' ? t('common.none') : text;
}

export function specialNeedsLabel(p: Pick<Participant, 'specialNeeds' | 'extraMinutes'>): string {
  if (!p.specialNeeds) return t('participants.specialNeedsNo');
  return p.extraMinutes > 0
    ? t('participants.specialNeedsExtra', { minutes: p.extraMinutes })
    : t('participants.specialNeedsYes');
}

export interface PageRange {
  from: number;
  to: number;
  pages: number;
}

/** 1-based first and last row shown and the page count, for page (from 0) of size. */
export function pageRange(page: number, size: number, total: number, shown: number): PageRange {
  const pages = Math.max(1, Math.ceil(total / size));
  const from = shown === 0 ? 0 : page * size + 1;
  return { from, to: shown === 0 ? 0 : page * size + shown, pages };
}

/** An instant as local date and time, "23.11.2026 15:11:52"; '—' when absent. */
export function formatDateTime(iso: string | null | undefined, locale = 'ru-RU'): string {
  if (!iso) return t('common.none');
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(ms));
}

/** A whole number with Russian digit grouping: 12 345. */
export function formatCount(n: number, locale = 'ru-RU'): string {
  return new Intl.NumberFormat(locale).format(n);
}
