import { execFileSync } from 'node:child_process';
import { environments } from '#lib/config/environments.ts';
import { callHistory } from '#local/demo/call-history.ts';
import { agentsNeeded, erlangA, erlangB, erlangC } from '#shared/staffing/erlang.ts';
import {
  dayType,
  demandProfile,
  StaffingConfigSchema,
  staffingPlan,
} from '#shared/staffing/forecast.ts';
import { plannedPerInterval, shiftIntervals } from '#shared/staffing/intervals.ts';

const example = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180 };
const target = { serviceLevel: 0.8, withinSeconds: 20 };
const calendar = { timeZone: 'Africa/Nairobi', holidays: new Set(['2026-12-12', '2026-12-25']) };

describe('Erlang C', () => {
  it('gives the public worked example: 14 agents for 100 calls in 30 minutes at 180 s', () => {
    const figures = agentsNeeded(example, target);
    expect(figures.agents).toBe(14);
    expect(figures.probabilityOfWaiting).toBeCloseTo(0.1741319, 6);
    expect(figures.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(figures.asaSeconds).toBeCloseTo(7.836, 3);
    expect(figures.occupancy).toBeCloseTo(0.7142857, 6);
  });

  it('takes the least agents: 13 answer only 79.6 % in time', () => {
    expect(erlangC(13, example, 20).serviceLevel).toBeLessThan(0.8);
  });

  it('adds agents until the occupancy cap holds', () => {
    expect(agentsNeeded(example, { ...target, maxOccupancy: 0.6 }).agents).toBe(17);
  });

  it('stays finite for hundreds of agents (no factorials)', () => {
    const big = { calls: 6000, intervalSeconds: 1800, ahtSeconds: 240 };
    const figures = agentsNeeded(big, target);
    expect(figures.agents).toBeGreaterThan(800);
    expect(figures.agents).toBeLessThan(840);
    expect(Number.isFinite(figures.probabilityOfWaiting)).toBe(true);
    expect(erlangB(2000, 1900)).toBeGreaterThan(0);
  });

  it('needs no agents for no calls, and cannot serve more Erlangs than agents', () => {
    expect(agentsNeeded({ ...example, calls: 0 }, target).agents).toBe(0);
    expect(erlangC(10, example, 20)).toMatchObject({ serviceLevel: 0, probabilityOfWaiting: 1 });
  });
});

describe('Erlang A', () => {
  it('tends to Erlang C as patience grows', () => {
    const patient = erlangA(14, { ...example, patienceSeconds: 1e9 }, 20);
    const c = erlangC(14, example, 20);
    expect(patient.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 6);
    expect(patient.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
    expect(patient.asaSeconds).toBeCloseTo(c.asaSeconds, 4);
  });

  it('counts callers who hang up: shorter waits and fewer agents than Erlang C', () => {
    const impatient = erlangA(14, { ...example, patienceSeconds: 60 }, 20);
    expect(impatient.abandonment).toBeGreaterThan(0);
    expect(impatient.asaSeconds).toBeLessThan(erlangC(14, example, 20).asaSeconds);
    expect(agentsNeeded({ ...example, patienceSeconds: 120 }, target).agents).toBeLessThan(14);
  });

  it('is stable even with fewer agents than Erlangs, and finite for hundreds', () => {
    const overloaded = erlangA(8, { ...example, patienceSeconds: 90 }, 20);
    expect(overloaded.abandonment).toBeGreaterThan(0.1);
    expect(overloaded.occupancy).toBeLessThanOrEqual(1);
    const figures = agentsNeeded(
      { calls: 6000, intervalSeconds: 1800, ahtSeconds: 240, patienceSeconds: 180 },
      { ...target, maxOccupancy: 0.9 },
    );
    expect(figures.agents).toBeGreaterThan(800);
    expect(figures.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('refuses to run without a patience', () => {
    expect(() => erlangA(14, example, 20)).toThrow(RangeError);
  });
});

describe('the forecast from history', () => {
  const history = callHistory({
    from: '2026-11-02',
    to: '2026-11-29',
    calendar,
    open: '07:00',
    close: '19:00',
    callsPerWeekday: 400,
  });
  const days = [...new Set(history.map((log) => log.day))];
  const profile = demandProfile(history, days, calendar, 240);
  const config = StaffingConfigSchema.parse(environments.dev.staffing);

  it('tells day types apart', () => {
    expect(dayType('2026-12-07', calendar)).toBe('weekday');
    expect(dayType('2026-12-13', calendar)).toBe('weekend');
    expect(dayType('2026-12-25', calendar)).toBe('holiday');
  });

  it('averages the calls per half hour by day type, with handle times from answered calls', () => {
    const weekday = profile.weekday.reduce((sum, interval) => sum + interval.calls, 0);
    const weekend = profile.weekend.reduce((sum, interval) => sum + interval.calls, 0);
    expect(weekday).toBeGreaterThan(360);
    expect(weekday).toBeLessThan(440);
    expect(weekend).toBeLessThan(weekday * 0.7);
    const tenAm = profile.weekday[20];
    expect(tenAm?.ahtSeconds).toBeGreaterThan(200);
    expect(tenAm?.ahtSeconds).toBeLessThan(300);
    // No answered call at 03:00 (closed): the configured default handle time.
    expect(profile.weekday[6]?.ahtSeconds).toBe(240);
  });

  it('staffs every half hour, compares 12 h with 24 h, and warns where a shift is short', () => {
    const plan = staffingPlan({
      profile,
      dates: ['2026-12-07', '2026-12-08'],
      calendar,
      target,
      config,
    });
    expect(plan.intervals).toHaveLength(96);
    for (const interval of plan.intervals.filter((i) => i.forecastCalls > 0)) {
      expect(interval.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(interval.occupancy).toBeLessThanOrEqual(0.85);
      expect(interval.scheduled).toBe(Math.ceil(interval.agents / 0.7));
    }
    const [twelve, twentyFour] = plan.rosters;
    expect(twelve?.name).toBe('12 h');
    expect(twentyFour?.agentHoursPerDay).toBeGreaterThan(twelve?.agentHoursPerDay ?? Infinity);
    expect(twentyFour?.costPerDayKes).toBe((twentyFour?.agentHoursPerDay ?? 0) * 450);
    expect(twelve?.uncoveredCallsPerDay).toBeGreaterThan(0);
    expect(twentyFour?.uncoveredCallsPerDay).toBe(0);
    const night = twentyFour?.shifts.find((shift) => shift.name === 'night');
    expect(night?.short).toBe(night !== undefined && night.planned < night.needed);
    expect(plan.warnings.some((warning) => warning.includes('night'))).toBe(night?.short);
  });

  it('adds up the agents each half hour of a roster plans', () => {
    const planned = plannedPerInterval([
      { start: '07:00', end: '13:00', planned: 6 },
      { start: '12:00', end: '19:00', planned: 4 },
    ]);
    expect(planned[13]).toBe(0);
    expect(planned[14]).toBe(6);
    expect(planned[24]).toBe(10);
    expect(planned[26]).toBe(4);
    expect(planned[38]).toBe(0);
  });

  it('wraps a night shift past midnight', () => {
    expect(shiftIntervals({ start: '19:00', end: '01:00' })).toEqual([
      38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 0, 1,
    ]);
  });
});

describe('npm run forecast', () => {
  const forecast = (...args: string[]) =>
    execFileSync(process.execPath, ['local/cli/forecast.ts', ...args], { encoding: 'utf8' });
  /** A half hour of three-minute calls, aiming at 80 % answered within 20 s. */
  const halfHour = ['--interval', '1800', '--aht', '180', '--target', '0.8', '--within', '20'];

  it('prints one half hour as JSON', () => {
    const output = forecast('--calls', '100', ...halfHour, '--json');
    expect(JSON.parse(output)).toEqual({
      agents: 14,
      probabilityOfWaiting: 0.1741319,
      serviceLevel: 0.88835,
      asaSeconds: 7.836,
      occupancy: 0.7142857,
    });
  });

  it('explains bad input and exits 2', () => {
    expect(() => forecast('--calls', 'many', ...halfHour)).toThrow(
      expect.objectContaining({
        status: 2,
        stderr: expect.stringContaining('--calls must be a positive number'),
      }),
    );
  });
});
