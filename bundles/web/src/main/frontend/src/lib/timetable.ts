/** The seating of a school on a day as a timetable: a column per auditorium, a row per start time. */
import type { Seat } from '../api/types';

export interface TimetableColumn {
  auditoriumId: number;
  number: string;
  seats: number;
}

export interface TimetableRow {
  start: string;
  /** One list per column, in the order of `columns` (empty where nobody starts then). */
  cells: Seat[][];
}

export interface Timetable {
  columns: TimetableColumn[];
  rows: TimetableRow[];
}

/** "09:00:00" or "09:00" as "09:00". */
export function shortTime(time: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : time;
}

const byNumber = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/**
 * Groups seats by auditorium (columns ordered by room number as people read it: 2 before 10)
 * and by start time (rows in time order). Seats in one cell keep the server's order.
 */
export function timetable(seats: readonly Seat[]): Timetable {
  const columns = new Map<number, TimetableColumn>();
  const starts = new Set<string>();
  for (const s of seats) {
    const column = columns.get(s.auditoriumId);
    if (column) column.seats++;
    else columns.set(s.auditoriumId, { auditoriumId: s.auditoriumId, number: s.auditoriumNumber, seats: 1 });
    starts.add(shortTime(s.start));
  }
  const ordered = [...columns.values()].sort((a, b) => byNumber.compare(a.number, b.number) || a.auditoriumId - b.auditoriumId);
  const position = new Map(ordered.map((c, i) => [c.auditoriumId, i] as const));
  const rows = [...starts].sort().map((start) => ({ start, cells: ordered.map((): Seat[] => []) }));
  const rowOf = new Map(rows.map((r) => [r.start, r] as const));
  for (const s of seats) rowOf.get(shortTime(s.start))!.cells[position.get(s.auditoriumId)!].push(s);
  return { columns: ordered, rows };
}

/** How many seats are marked for special needs and how many were placed by hand. */
export function seatingCounts(seats: readonly Seat[]): { seats: number; specialNeeds: number; manual: number } {
  return {
    seats: seats.length,
    specialNeeds: seats.filter((s) => s.specialNeeds).length,
    manual: seats.filter((s) => s.manual).length,
  };
}
