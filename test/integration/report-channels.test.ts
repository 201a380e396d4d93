import { environments } from '#lib/config/environments.ts';
import { callHistory } from '#local/demo/call-history.ts';
import { contactCentreCalendar } from '#local/staffing.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { channelRows } from '../../agent-desktop/src/supervisor-view.ts';
import { getReport } from '../support/analytics.ts';
import { documentClient, tableNames } from '../support/data.ts';

/** A day no other test writes calls on. */
const DAY = '2032-06-09';

describe('the daily report per channel', () => {
  it('gives each channel its own figures once there are several, adding up to the day', async () => {
    const callLogs = createCallLogRepository(documentClient, tableNames.callLogs);
    const logs = callHistory({
      from: DAY,
      to: DAY,
      calendar: contactCentreCalendar(environments.dev),
      open: '07:00',
      close: '19:00',
      callsPerWeekday: 60,
      seed: 31,
    }).map((log, index) => ({
      ...log,
      contactId: `channels-${DAY}-${index}`,
      // Every third contact a chat: the conversation service's call-log items say CHAT.
      ...(index % 3 === 0 && { channel: 'CHAT' }),
    }));
    await Promise.all(logs.map((log) => callLogs.saveContactRecord(log)));

    const { status, body } = await getReport('/reports/daily', { date: DAY });

    expect(status).toBe(200);
    expect(body.channels.map((entry: { channel: string }) => entry.channel)).toEqual([
      'VOICE',
      'CHAT',
    ]);
    const sum = (field: 'received' | 'handled' | 'abandoned') =>
      body.channels.reduce(
        (total: number, entry: { calls: Record<string, number> }) =>
          total + (entry.calls[field] ?? 0),
        0,
      );
    for (const field of ['received', 'handled', 'abandoned'] as const)
      expect(sum(field)).toBe(body.calls[field]);
    const rows = channelRows(body);
    expect(rows.map((row) => row[0])).toEqual(['VOICE', 'CHAT']);
    expect(rows[1]?.[1]).toBe(String(body.channels[1].calls.received));
  });

  it('shows no per-channel table while voice is the only channel', () => {
    const calls = {
      received: 3,
      handled: 2,
      abandoned: 1,
      callbacksRequested: 0,
      serviceLevelPct: 50,
      abandonmentRatePct: 33.3,
      asaSeconds: 12,
      containmentPct: 0,
      handleTime: { averageSeconds: 200, maxSeconds: 260 },
      csat: { responses: 0, pct: null },
      nps: { responses: 0, score: null },
    };
    const report = {
      date: DAY,
      generatedAt: `${DAY}T12:00:00Z`,
      calls,
      channels: [{ channel: 'VOICE', calls }],
      agents: [],
      halfHours: [],
      complaints: {
        logged: 0,
        resolvedWithinSla: 0,
        resolvedLate: 0,
        openOverdue: 0,
        pending: 0,
        resolutionHours: 72,
      },
    };

    expect(channelRows(report)).toEqual([]);
  });
});
