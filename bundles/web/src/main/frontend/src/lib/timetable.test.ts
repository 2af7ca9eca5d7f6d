import { describe, expect, it } from 'vitest';
import type { Seat } from '../api/types';
import { seatingCounts, shortTime, timetable } from './timetable';

const seat = (id: number, room: number, number: string, start: string, extra: Partial<Seat> = {}): Seat => ({
  participantId: id,
  participantName: `Участник ${id}`,
  specialNeeds: false,
  auditoriumId: room,
  auditoriumNumber: number,
  start,
  end: start,
  manual: false,
  ...extra,
});

describe('shortTime', () => {
  it('keeps hours and minutes', () => {
    expect(shortTime('09:00:00')).toBe('09:00');
    expect(shortTime('9:05')).toBe('09:05');
    expect(shortTime('later')).toBe('later');
  });
});

describe('timetable', () => {
  it('makes a column per auditorium in the order people number rooms', () => {
    const table = timetable([seat(1, 30, '10', '09:00'), seat(2, 20, '2', '09:00'), seat(3, 10, '113', '09:00')]);
    expect(table.columns.map((c) => c.number)).toEqual(['2', '10', '113']);
  });

  it('makes a row per start time, in time order, with empty cells where nobody starts', () => {
    const seats = [
      seat(1, 1, '101', '09:20:00'),
      seat(2, 1, '101', '09:00:00'),
      seat(3, 2, '102', '09:00:00'),
      seat(4, 2, '102', '09:45:00', { specialNeeds: true }),
    ];
    const table = timetable(seats);
    expect(table.rows.map((r) => r.start)).toEqual(['09:00', '09:20', '09:45']);
    expect(table.rows[0].cells.map((c) => c.map((s) => s.participantId))).toEqual([[2], [3]]);
    expect(table.rows[1].cells.map((c) => c.map((s) => s.participantId))).toEqual([[1], []]);
    expect(table.rows[2].cells.map((c) => c.map((s) => s.participantId))).toEqual([[], [4]]);
    expect(table.columns.map((c) => c.seats)).toEqual([2, 2]);
  });

  it('keeps two seats of one room at one time in one cell (a room with capacity above one)', () => {
    const table = timetable([seat(1, 1, '101', '09:00'), seat(2, 1, '101', '09:00')]);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].cells[0].map((s) => s.participantId)).toEqual([1, 2]);
  });

  it('tells rooms with equal numbers apart by id', () => {
    const table = timetable([seat(1, 7, '101', '09:00'), seat(2, 3, '101', '09:00')]);
    expect(table.columns.map((c) => c.auditoriumId)).toEqual([3, 7]);
  });

  it('is empty without seats', () => {
    expect(timetable([])).toEqual({ columns: [], rows: [] });
  });

  it('counts special needs and manual seats', () => {
    expect(
      seatingCounts([seat(1, 1, '1', '09:00', { specialNeeds: true }), seat(2, 1, '1', '09:20', { manual: true }), seat(3, 1, '1', '09:40')]),
    ).toEqual({ seats: 3, specialNeeds: 1, manual: 1 });
  });
});
