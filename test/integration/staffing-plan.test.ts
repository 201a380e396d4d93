import { environments } from '#lib/config/environments.ts';
import { contactCentreCalendar, seedCallHistory } from '#local/staffing.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { planFromCallLogs } from '#shared/staffing/plan.ts';
import { getReport } from '../support/analytics.ts';
import { documentClient, tableNames } from '../support/data.ts';

// A Monday far enough ahead that the call logs' TTL (DynamoDB Local expires items) keeps them,
// and days no other test writes call logs for.
const FROM = '2031-03-17';

describe('a staffing plan from the call logs in DynamoDB Local', () => {
  const config = environments.dev;
  const callLogs = createCallLogRepository(documentClient, tableNames.callLogs);

  it('learns the demand of the weeks before, and rosters 12 h against 24 h with their cost', async () => {
    const written = await seedCallHistory(callLogs, config, FROM, 14, 80);
    const plan = await planFromCallLogs(
      callLogs,
      { from: FROM, to: '2031-03-23', historyDays: 14 },
      {
        calendar: contactCentreCalendar(config),
        config: config.staffing,
        target: { serviceLevel: 0.8, withinSeconds: 20 },
      },
    );
    expect(plan.historyCalls).toBe(written);
    expect(plan.intervals).toHaveLength(7 * 48);
    const monday = plan.intervals.filter((interval) => interval.date === FROM);
    const peak = Math.max(...monday.map((interval) => interval.scheduled));
    expect(peak).toBeGreaterThan(1);
    const [twelve, twentyFour] = plan.rosters;
    expect(twelve?.shifts.map((shift) => shift.needed)).toEqual(
      twentyFour?.shifts.slice(0, 2).map((shift) => shift.needed),
    );
    expect(twentyFour?.costPerDayKes).toBeGreaterThan(twelve?.costPerDayKes ?? Infinity);
    expect(twelve?.costPerDayKes).toBe(
      (twelve?.agentHoursPerDay ?? 0) * config.staffing.agentHourCostKes,
    );
  }, 120_000);

  it('plans no agents where there is no history', async () => {
    const plan = await planFromCallLogs(
      callLogs,
      { from: '2032-01-05', to: '2032-01-05', historyDays: 7 },
      {
        calendar: contactCentreCalendar(config),
        config: config.staffing,
        target: { serviceLevel: 0.8, withinSeconds: 20 },
      },
    );
    expect(plan.historyCalls).toBe(0);
    expect(plan.intervals.every((interval) => interval.agents === 0)).toBe(true);
  });

  it('is served to supervisors as GET /reports/staffing, the same plan', async () => {
    const { status, body } = await getReport('/reports/staffing', {
      from: FROM,
      to: FROM,
      historyDays: '14',
    });
    expect(status).toBe(200);
    expect(body.intervals).toHaveLength(48);
    expect(body.historyCalls).toBeGreaterThan(0);
    expect(body.rosters.map((roster: { name: string }) => roster.name)).toEqual(['12 h', '24 h']);
    expect(body.target).toMatchObject({ serviceLevel: 0.8, withinSeconds: 20 });
  });

  it('answers 400 with a reason for a bad range, and 403 to anyone but a supervisor', async () => {
    const backwards = await getReport('/reports/staffing', { from: FROM, to: '2031-03-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ field: 'to', reason: 'OUT_OF_RANGE' });
    const tooLong = await getReport('/reports/staffing', { from: FROM, to: '2031-06-01' });
    expect(tooLong.status).toBe(400);
    const notADate = await getReport('/reports/staffing', { from: 'monday', to: FROM });
    expect(notADate.body).toMatchObject({ field: 'date', reason: 'NOT_A_DATE' });
    const history = await getReport('/reports/staffing', {
      from: FROM,
      to: FROM,
      historyDays: '3',
    });
    expect(history.body).toMatchObject({ field: 'historyDays', reason: 'OUT_OF_RANGE' });
    const agent = await getReport('/reports/staffing', { from: FROM, to: FROM }, 'agent-demo');
    expect(agent.status).toBe(403);
  });
});
