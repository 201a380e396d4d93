import { writeFile } from 'node:fs/promises';
import { environments } from '#lib/config/environments.ts';
import { planFromLocalCallLogs } from '#local/staffing.ts';
import { kpiTargets } from '#shared/kpi.ts';
import { agentsNeeded } from '#shared/staffing/erlang.ts';
import { datesBetween, type StaffingPlan } from '#shared/staffing/forecast.ts';
import { commandLine } from './arguments.ts';

const USAGE = `Staffing: how many agents answer the calls in time.

One half hour (Erlang C; Erlang A with --patience):
  npm run -s forecast -- --calls <n> --interval <s> --aht <s> --target 0.8 --within <s>
                         [--patience <s>] [--max-occupancy 0.85] [--json]

A plan from the local call logs (.local/dynamodb, where npm start keeps its calls): the demand
per half hour of the weeks before --from, forecast for every day from --from to --to, agents
per half hour and per shift, and each roster of the configuration (12 h against 24 h) costed:
  npm run forecast -- --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--history-days 28]
                      [--seed-history] [--json]

  --seed-history  first write a synthetic history (28 days before --from) to the local call
                  logs, for a plan on a fresh machine
  --write-profile <file>  also write the demand learnt (calls and AHT per half hour by day
                  type): data/demand-profile.json is the demand CDK checks the planned roster
                  against at synth`;

const { values, fail } = commandLine(USAGE, {
  options: {
    calls: { type: 'string' },
    interval: { type: 'string' },
    aht: { type: 'string' },
    target: { type: 'string' },
    within: { type: 'string' },
    patience: { type: 'string' },
    'max-occupancy': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'history-days': { type: 'string', default: '28' },
    'seed-history': { type: 'boolean', default: false },
    'write-profile': { type: 'string' },
    db: { type: 'string', default: '.local/dynamodb' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

const positive = (name: keyof typeof values, fallback?: number): number => {
  const raw = values[name];
  if (raw === undefined) return fallback ?? fail(`--${name} is required`);
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    fail(`--${name} must be a positive number (got "${raw}")`);
  return value;
};

const config = environments.dev;
const round = (value: number, digits = 7) => Number(value.toFixed(digits));

if (values.help) {
  console.log(USAGE);
} else if (values.calls !== undefined) {
  const target = positive('target');
  if (target > 1) fail('--target is a share of calls, e.g. 0.8');
  const figures = agentsNeeded(
    {
      calls: positive('calls'),
      intervalSeconds: positive('interval'),
      ahtSeconds: positive('aht'),
      ...(values.patience !== undefined && { patienceSeconds: positive('patience') }),
    },
    {
      serviceLevel: target,
      withinSeconds: positive('within'),
      maxOccupancy: positive('max-occupancy', config.staffing.maxOccupancy),
    },
  );
  const result = {
    agents: figures.agents,
    probabilityOfWaiting: round(figures.probabilityOfWaiting),
    serviceLevel: round(figures.serviceLevel),
    asaSeconds: round(figures.asaSeconds, 3),
    occupancy: round(figures.occupancy),
    ...(values.patience !== undefined && { abandonment: round(figures.abandonment) }),
  };
  if (values.json) console.log(JSON.stringify(result));
  else console.table(result);
} else if (values.from && values.to) {
  if (datesBetween(values.from, values.to).length === 0) fail('--to must not be before --from');
  const { plan, profile } = await planFromLocalCallLogs({
    config,
    request: { from: values.from, to: values.to, historyDays: positive('history-days') },
    seedHistory: values['seed-history'],
    dbPath: values.db,
    target: {
      serviceLevel: kpiTargets.serviceLevel.pct / 100,
      withinSeconds: kpiTargets.serviceLevel.thresholdSeconds,
    },
  });
  if (values.json) console.log(JSON.stringify(plan, null, 2));
  else printPlan(plan);
  if (values['write-profile']) {
    const rounded = Object.fromEntries(
      Object.entries(profile).map(([type, intervals]) => [
        type,
        intervals.map(({ calls, ahtSeconds }) => ({
          calls: round(calls, 3),
          ahtSeconds: round(ahtSeconds, 1),
        })),
      ]),
    );
    await writeFile(values['write-profile'], `${JSON.stringify(rounded, null, 1)}\n`);
    console.error(`Demand profile written to ${values['write-profile']}`);
  }
} else {
  fail('Give either --calls … for one half hour, or --from and --to for a plan');
}

function printPlan(plan: StaffingPlan & { readonly historyCalls: number }) {
  const { target } = plan;
  console.log(
    `\nStaffing plan ${plan.from} to ${plan.to}: ${Math.round(target.serviceLevel * 100)} % of calls answered within ${target.withinSeconds} s, occupancy at most ${Math.round((target.maxOccupancy ?? 1) * 100)} % (${plan.historyCalls} calls in the history)\n`,
  );
  const first = plan.intervals.filter((interval) => interval.date === plan.from);
  console.log(`Agents per half hour on ${plan.from} (${first[0]?.dayType ?? ''}):`);
  console.table(
    first
      .filter((interval) => interval.forecastCalls > 0)
      .map((interval) => ({
        time: interval.interval,
        calls: round(interval.forecastCalls, 1),
        'AHT s': Math.round(interval.ahtSeconds),
        'on calls': interval.agents,
        scheduled: interval.scheduled,
        'service level': `${(interval.serviceLevel * 100).toFixed(1)} %`,
        'ASA s': round(interval.asaSeconds, 1),
      })),
  );
  for (const roster of plan.rosters) {
    console.log(
      `Roster ${roster.name}: ${roster.agentHoursPerDay} agent-hours a day, KES ${roster.costPerDayKes.toLocaleString('en-KE')} a day; ${round(roster.uncoveredCallsPerDay, 1)} calls a day outside its shifts`,
    );
    console.table(
      roster.shifts.map((shift) => ({
        shift: shift.name,
        hours: `${shift.start}-${shift.end}`,
        planned: shift.planned,
        needed: shift.needed,
        'agent-hours': shift.agentHours,
        short: shift.short ? 'yes' : '',
      })),
    );
  }
  for (const warning of plan.warnings) console.log(`Warning: ${warning}`);
}
