import { describe, expect, it } from 'vitest';
import type { ExamDay } from '../api/types';
import {
  daysBetween,
  daysUntilText,
  documentLabel,
  formatDate,
  formatDuration,
  formatLongDate,
  fullName,
  grantLabel,
  lastExamDay,
  localIsoDate,
  nextExamDay,
  pageRange,
  roleLabel,
  scopeLabel,
  specialNeedsLabel,
} from './format';

describe('roles and scopes', () => {
  it('names roles in Russian', () => {
    expect(roleLabel('REGION_ADMINISTRATOR')).toBe('Администратор РЦОИ');
    expect(roleLabel('REGION_OPERATOR')).toBe('Оператор РЦОИ');
    expect(roleLabel('MUNICIPAL_SPECIALIST')).toBe('Специалист МОУО');
    expect(roleLabel('SCHOOL_HEAD')).toBe('Руководитель ОО');
    expect(roleLabel('RESPONSIBLE_ORGANIZER')).toBe('Ответственный организатор ОО');
    expect(roleLabel('TECHNICAL_SPECIALIST')).toBe('Технический специалист');
    expect(roleLabel('EXPERT')).toBe('Эксперт');
  });

  it('shows an unknown role by its code', () => {
    expect(roleLabel('AUDITOR')).toBe('AUDITOR');
  });

  it('names scopes', () => {
    expect(scopeLabel({ level: 'REGION', code: null })).toBe('весь регион');
    expect(scopeLabel({ level: 'MUNICIPALITY', code: '02' })).toBe('муниципалитет 02');
    expect(scopeLabel({ level: 'SCHOOL', code: '620101' })).toBe('ОО 620101');
  });

  it('joins role and scope', () => {
    expect(grantLabel({ role: 'SCHOOL_HEAD', scope: { level: 'SCHOOL', code: '620101' } })).toBe(
      'Руководитель ОО — ОО 620101',
    );
    expect(grantLabel({ role: 'REGION_ADMINISTRATOR', scope: { level: 'REGION', code: null } })).toBe(
      'Администратор РЦОИ — весь регион',
    );
  });
});

describe('dates', () => {
  it('formats calendar dates without time zones', () => {
    expect(formatDate('2009-05-01')).toBe('01.05.2009');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('garbage')).toBe('garbage');
    expect(formatLongDate('2027-02-11')).toBe('11 февраля 2027 г.');
  });

  it('gives the local date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('counts days across months and daylight-saving changes', () => {
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysBetween('2026-11-23', '2027-02-11')).toBe(80);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-11-24', '2026-11-23')).toBe(-1);
  });

  it('finds the next exam day on or after today', () => {
    const days: ExamDay[] = [
      { id: 1, date: '2026-02-11', kind: 'MAIN', schoolYear: '2025/26' },
      { id: 3, date: '2027-03-11', kind: 'ADDITIONAL', schoolYear: '2026/27' },
      { id: 2, date: '2027-02-11', kind: 'MAIN', schoolYear: '2026/27' },
    ];
    expect(nextExamDay(days, '2026-11-23')).toEqual({ day: days[2], daysUntil: 80 });
    expect(nextExamDay(days, '2027-02-11')?.daysUntil).toBe(0);
    expect(nextExamDay(days, '2027-04-01')).toBeNull();
    expect(nextExamDay([], '2027-04-01')).toBeNull();
  });

  it('finds the last exam day that has passed', () => {
    const days = [
      { id: 1, date: '2026-02-11', kind: 'MAIN', schoolYear: '2025/26' },
      { id: 2, date: '2026-03-11', kind: 'ADDITIONAL', schoolYear: '2025/26' },
      { id: 3, date: '2026-05-18', kind: 'ADDITIONAL', schoolYear: '2025/26' },
    ];
    expect(lastExamDay(days, '2026-11-23')).toBe(days[2]);
    expect(lastExamDay(days, '2026-05-18')).toBe(days[1]);
    expect(lastExamDay(days, '2026-02-11')).toBeNull();
    expect(lastExamDay([], '2026-02-11')).toBeNull();
  });

  it('says how long until the day', () => {
    expect(daysUntilText(0)).toBe('Собеседование проходит сегодня.');
    expect(daysUntilText(1)).toBe('Собеседование завтра.');
    expect(daysUntilText(2)).toBe('До собеседования 2 дня.');
    expect(daysUntilText(5)).toBe('До собеседования 5 дней.');
    expect(daysUntilText(21)).toBe('До собеседования 21 день.');
  });
});

describe('formatDuration', () => {
  it('names the two largest units with Russian plurals', () => {
    expect(formatDuration(1)).toBe('1 секунду');
    expect(formatDuration(45)).toBe('45 секунд');
    expect(formatDuration(60)).toBe('1 минуту');
    expect(formatDuration(90)).toBe('1 минуту 30 секунд');
    expect(formatDuration(900)).toBe('15 минут');
    expect(formatDuration(3600 + 120 + 5)).toBe('1 час 2 минуты');
    expect(formatDuration(0)).toBe('0 секунд');
    expect(formatDuration(2.2)).toBe('3 секунды');
  });
});

describe('participants', () => {
  it('builds the full name with or without patronymic', () => {
    expect(fullName({ surname: 'Иванов', name: 'Пётр', patronymic: 'Сергеевич' })).toBe('Иванов Пётр Сергеевич');
    expect(fullName({ surname: 'Smith', name: 'John', patronymic: null })).toBe('Smith John');
  });

  it('shows documents as returned (masked by the server)', () => {
    expect(documentLabel({ type: 'PASSPORT_RF', series: '45**', number: '****56' })).toBe('Паспорт РФ 45** ****56');
    expect(documentLabel({ type: 'BIRTH_CERTIFICATE', series: '', number: '***123' })).toBe(
      'Свидетельство о рождении ***123',
    );
    expect(documentLabel(null)).toBe('—');
  });

  it('describes special needs', () => {
    expect(specialNeedsLabel({ specialNeeds: false, extraMinutes: 0 })).toBe('нет');
    expect(specialNeedsLabel({ specialNeeds: true, extraMinutes: 0 })).toBe('да');
    expect(specialNeedsLabel({ specialNeeds: true, extraMinutes: 30 })).toBe('да, +30 мин');
  });
});

describe('pageRange', () => {
  it('gives the rows shown and page count', () => {
    expect(pageRange(0, 50, 120, 50)).toEqual({ from: 1, to: 50, pages: 3 });
    expect(pageRange(2, 50, 120, 20)).toEqual({ from: 101, to: 120, pages: 3 });
    expect(pageRange(0, 50, 0, 0)).toEqual({ from: 0, to: 0, pages: 1 });
  });
});
