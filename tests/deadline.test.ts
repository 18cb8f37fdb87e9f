import { describe, expect, it } from 'vitest';
import { deadlineEnd, formatDay, isPastDeadline } from '../src/lib/deadline/deadline';

describe('deadline', () => {
  it('ends at midnight after the deadline day in Lima (UTC-5)', () => {
    expect(deadlineEnd('2022-01-03', 'America/Lima').toISOString()).toBe(
      '2022-01-04T05:00:00.000Z',
    );
  });

  it.each([
    ['the day before', '2022-01-02T12:00:00Z', false],
    ['on the day, morning in Lima', '2022-01-03T14:00:00Z', false],
    ['on the day, 23:59 in Lima (already the 4th in UTC)', '2022-01-04T04:59:59Z', false],
    ['the first second after the day ends in Lima', '2022-01-04T05:00:00Z', true],
    ['years later', '2026-11-30T09:00:00Z', true],
  ])('%s: passed = %s', (_when, now, passed) => {
    expect(isPastDeadline(new Date(now), '2022-01-03', 'America/Lima')).toBe(passed);
  });

  it.each([
    ['Asia/Tokyo', '2022-01-03T15:00:00.000Z'],
    ['Europe/Madrid', '2022-01-03T23:00:00.000Z'],
    ['UTC', '2022-01-04T00:00:00.000Z'],
  ])('follows the time zone it is set in: %s', (zone, end) => {
    expect(deadlineEnd('2022-01-03', zone).toISOString()).toBe(end);
  });

  it('handles a clock change on the deadline night (New York, 2022-03-13)', () => {
    expect(deadlineEnd('2022-03-12', 'America/New_York').toISOString()).toBe(
      '2022-03-13T05:00:00.000Z',
    );
    expect(deadlineEnd('2022-03-13', 'America/New_York').toISOString()).toBe(
      '2022-03-14T04:00:00.000Z',
    );
  });

  it.each([
    ['en-US', 'January 3, 2022'],
    ['es', '3 de enero de 2022'],
    ['en-GB', '3 January 2022'],
    ['pt-BR', '3 de janeiro de 2022'],
  ])(
    'shows the calendar day in the reader’s locale (%s), never a day off by the time zone',
    (locale, text) => {
      expect(formatDay('2022-01-03', locale)).toBe(text);
    },
  );
});
