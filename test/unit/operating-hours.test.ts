import {
  contactCentreHours,
  environments,
  parseEnvironmentConfig,
  uncoveredHalfHours,
  withOperatingHours,
} from '#lib/config/environments.ts';
import { isOpen } from '#shared/hours.ts';
import { INTERVALS_PER_DAY } from '#shared/staffing/intervals.ts';
import { plannedRosterWarnings } from '#shared/staffing/plan.ts';

const target = { serviceLevel: 0.8, withinSeconds: 20 };
const flat = (calls: number) =>
  Array.from({ length: INTERVALS_PER_DAY }, () => ({ calls, ahtSeconds: 240 }));

describe('operating hours in configuration', () => {
  it('runs 07:00-19:00 on the 12-hour roster today', () => {
    expect(environments.prod.hours).toMatchObject({ open: '07:00', close: '19:00' });
    expect(environments.prod.staffing.planned).toBe('12 h');
  });

  it('runs around the clock on 24 hours: open at 02:00 and 23:59 as at noon', () => {
    const hours = contactCentreHours(withOperatingHours(environments.dev, '24 h'));

    for (const at of ['02:00', '12:00', '23:59', '00:00'])
      expect(isOpen(hours, new Date(`2026-12-02T${at}:00+03:00`))).toBe(true);
  });

  it('is closed at 02:00 and 19:00 on 12 hours', () => {
    const hours = contactCentreHours(withOperatingHours(environments.dev, '12 h'));

    expect(isOpen(hours, new Date('2026-12-02T02:00:00+03:00'))).toBe(false);
    expect(isOpen(hours, new Date('2026-12-02T19:00:00+03:00'))).toBe(false);
    expect(isOpen(hours, new Date('2026-12-02T18:59:00+03:00'))).toBe(true);
  });

  it('refuses opening hours the planned roster leaves without a shift', () => {
    expect(() =>
      parseEnvironmentConfig({
        ...environments.dev,
        hours: { ...environments.dev.hours, open: '00:00', close: '24:00' },
      }),
    ).toThrow(/the planned roster "12 h" leaves open half hours without a shift: 00:00, 00:30/);
  });

  it('refuses an opening time off the half hour, which the text channels could not write', () => {
    expect(() =>
      parseEnvironmentConfig({
        ...environments.dev,
        hours: { ...environments.dev.hours, open: '07:15' },
      }),
    ).toThrow(/an opening time on the hour or half hour/);
  });

  it('refuses a planned roster that is not one of the rosters', () => {
    expect(() =>
      parseEnvironmentConfig({
        ...environments.dev,
        staffing: { ...environments.dev.staffing, planned: 'nights' },
      }),
    ).toThrow(/staffing.planned must name one of staffing.rosters/);
  });

  it('finds the gaps a roster leaves in the opening hours, across midnight', () => {
    const shifts = [
      { start: '19:00', end: '01:00' },
      { start: '02:00', end: '19:00' },
    ];

    expect(uncoveredHalfHours({ open: '00:00', close: '24:00' }, shifts)).toEqual([
      '01:00',
      '01:30',
    ]);
  });
});

describe('plannedRosterWarnings', () => {
  const config = withOperatingHours(environments.dev, '24 h').staffing;

  it('warns of each planned shift the demand is too much for', () => {
    const warnings = plannedRosterWarnings({
      profile: { weekday: flat(4), weekend: flat(1), holiday: flat(1) },
      config,
      target,
      timeZone: 'Africa/Nairobi',
    });

    expect(warnings).toEqual([
      expect.stringMatching(
        /^Planned roster 24 h: the evening shift \(19:00-01:00\) plans 2 agents/,
      ),
      expect.stringMatching(/^Planned roster 24 h: the night shift \(01:00-07:00\) plans 1 agents/),
    ]);
  });

  it('is silent when every planned shift meets the target', () => {
    expect(
      plannedRosterWarnings({
        profile: { weekday: flat(0), weekend: flat(0), holiday: flat(0) },
        config,
        target,
        timeZone: 'Africa/Nairobi',
      }),
    ).toEqual([]);
  });

  it('checks only the planned roster, not the ones compared', () => {
    const warnings = plannedRosterWarnings({
      profile: { weekday: flat(4), weekend: flat(1), holiday: flat(1) },
      config: environments.dev.staffing,
      target,
      timeZone: 'Africa/Nairobi',
    });

    expect(warnings.every((warning) => warning.startsWith('Planned roster 12 h'))).toBe(true);
  });
});
