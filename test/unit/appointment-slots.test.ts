import { appointmentPolicy } from '#lambdas/appointments/policy.ts';
import {
  checkSlot,
  deskCalendar,
  parseSlotId,
  type SlotCalendar,
  upcomingSlots,
} from '#lambdas/appointments/slots.ts';

const standardCentre = {
  extendedHours: false,
  hours: { weekday: '08:00-17:00', tz: 'Africa/Nairobi' },
};
const extendedCentre = {
  extendedHours: true,
  hours: { weekday: '07:00-19:00', tz: 'Africa/Nairobi' },
};

const calendar = (holidays: string[] = [], centre = standardCentre, serviceId = 'passport') =>
  deskCalendar(centre, serviceId, appointmentPolicy, holidays);

/** An instant given as Nairobi wall-clock time. */
const eat = (local: string) => new Date(`${local}+03:00`);
const ids = (cal: SlotCalendar, now: Date, count = 3) =>
  upcomingSlots(cal, now)
    .slice(0, count)
    .map((slot) => slot.id);

describe('slot calendar', () => {
  it('offers the next half-hour slots after now, never one that has started', () => {
    // Monday 30 November 2026, 10:05 in Nairobi
    expect(ids(calendar(), eat('2026-11-30T10:05'))).toEqual([
      '2026-11-30T10:30',
      '2026-11-30T11:00',
      '2026-11-30T11:30',
    ]);
  });

  it('works in Africa/Nairobi whatever the UTC date is', () => {
    // 21:30 UTC on Monday is 00:30 on Tuesday in Nairobi: Tuesday's 08:00 is next.
    const slots = upcomingSlots(calendar(), new Date('2026-11-30T21:30:00Z'));
    expect(slots[0]).toMatchObject({
      id: '2026-12-01T08:00',
      startsAt: new Date('2026-12-01T05:00:00Z'),
      endsAt: new Date('2026-12-01T05:30:00Z'),
    });
  });

  it('ends the day with the last slot that finishes by closing time', () => {
    expect(ids(calendar(), eat('2026-11-30T16:00'))).toEqual([
      '2026-11-30T16:30',
      '2026-12-01T08:00',
      '2026-12-01T08:30',
    ]);
  });

  it('skips weekends', () => {
    // Friday 4 December 2026 after closing
    expect(ids(calendar(), eat('2026-12-04T17:00'), 1)).toEqual(['2026-12-07T08:00']);
    const dates = new Set(upcomingSlots(calendar(), eat('2026-11-30T07:00')).map((s) => s.date));
    expect(dates.has('2026-12-05')).toBe(false);
    expect(dates.has('2026-12-06')).toBe(false);
  });

  it('skips public holidays', () => {
    // Friday 25 December 2026 is Christmas Day: Thursday's last slot, then Monday 28th.
    const slots = ids(calendar(['2026-12-25']), eat('2026-12-24T16:10'), 2);
    expect(slots).toEqual(['2026-12-24T16:30', '2026-12-28T08:00']);
  });

  it('offers slots up to the end of the day 14 days ahead and no further', () => {
    const slots = upcomingSlots(calendar(), eat('2026-11-30T07:00'));
    expect(slots.at(-1)?.id).toBe('2026-12-14T16:30');
    // 11 working days (30 Nov - 14 Dec) of 18 slots
    expect(slots).toHaveLength(11 * 18);
  });

  it('runs extended hours only for the desks that work them', () => {
    const now = eat('2026-11-30T06:00');
    const extendedDesk = upcomingSlots(calendar([], extendedCentre, 'duplicate-id'), now);
    const standardDesk = upcomingSlots(calendar([], extendedCentre, 'new-id'), now);
    expect(extendedDesk[0]?.time).toBe('07:00');
    expect(extendedDesk.filter((s) => s.date === '2026-11-30').at(-1)?.time).toBe('18:30');
    expect(standardDesk[0]?.time).toBe('08:00');
    expect(standardDesk.filter((s) => s.date === '2026-11-30').at(-1)?.time).toBe('16:30');
  });
});

describe('checking a slot the flow passes back', () => {
  const now = eat('2026-11-30T10:05');
  const cal = calendar(['2026-12-25']);

  it('accepts an open slot', () => {
    expect(checkSlot('2026-12-01T09:00', cal, now)).toMatchObject({
      slot: { id: '2026-12-01T09:00', startsAt: new Date('2026-12-01T06:00:00Z') },
    });
  });

  it.each([
    ['2026-11-30T10:00', 'PAST', 'a slot that has started'],
    ['2026-11-27T09:00', 'PAST', 'a past day'],
    ['2026-12-15T09:00', 'TOO_FAR', 'beyond the booking window'],
    ['2026-12-05T09:00', 'WEEKEND', 'a Saturday'],
    ['2026-12-06T09:00', 'WEEKEND', 'a Sunday'],
    ['2026-12-01T07:30', 'CLOSED', 'before opening'],
    ['2026-12-01T17:00', 'CLOSED', 'at closing time'],
    ['2026-12-01T09:15', 'CLOSED', 'off the half-hour grid'],
  ])('refuses %s as %s (%s)', (id, reason) => {
    expect(checkSlot(id, cal, now)).toEqual({ reason });
  });

  it('refuses a public holiday', () => {
    expect(checkSlot('2026-12-25T09:00', cal, eat('2026-12-20T09:00'))).toEqual({
      reason: 'HOLIDAY',
    });
  });

  it.each(['', '2026-12-01', '2026-12-01 09:00', '2026-02-30T09:00', '2026-12-01T24:00', 'x'])(
    'does not read %j as a slot',
    (id) => {
      expect(parseSlotId(id)).toBeUndefined();
      expect(checkSlot(id, cal, now)).toBeUndefined();
    },
  );
});
