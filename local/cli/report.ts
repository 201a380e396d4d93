import type { DailyReport } from '#lambdas/reports/reports.ts';
import { openKeptDatabaseForReading } from '#local/dynamodb/reused.ts';
import { localServerRunning } from '#local/server-file.ts';
import { commandLine } from './arguments.ts';

const USAGE = `Prints the contact centre's report for a day from the local database (.local/dynamodb,
where npm start keeps its calls), as GET /reports/daily and /reports/agents answer it.

  npm run report -- --date YYYY-MM-DD [--agent <username>] [--json]

  --date    the day, in the contact centre's time zone (Africa/Nairobi); default today
  --agent   one agent's contacts and figures that day
  --json    print the API's JSON instead of tables`;

const { values } = commandLine(USAGE, {
  options: {
    date: { type: 'string' },
    agent: { type: 'string' },
    json: { type: 'boolean', default: false },
    db: { type: 'string', default: '.local/dynamodb' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const date =
  values.date ??
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Nairobi' }).format(new Date());

const pct = (value: number | null) => (value === null ? '—' : `${value} %`);
const secs = (value: number | null) => (value === null ? '—' : `${value} s`);
const met = (check: { met: boolean | null }) =>
  check.met === null ? '' : check.met ? 'met' : 'missed';

const printDaily = (report: DailyReport) => {
  const { calls, complaints, targets } = report;
  console.log(`\nHuduma Contact Centre, ${report.date} (${report.timeZone})\n`);
  console.table({
    'Calls received': calls.received,
    'Calls handled (by an agent)': calls.handled,
    'Abandoned in queue': calls.abandoned,
    'Call-backs requested': calls.callbacksRequested,
    'Completed in self-service': calls.selfServiceContained,
    'Ended in the IVR': calls.ivrHangups,
  });
  const kpis = [
    {
      KPI: 'Service level (answered within threshold)',
      value: pct(calls.serviceLevelPct),
      target: `≥ ${targets.serviceLevelPct.target} %`,
      result: met(targets.serviceLevelPct),
    },
    {
      KPI: 'Abandonment rate',
      value: pct(calls.abandonmentRatePct),
      target: `≤ ${targets.abandonmentRatePct.target} %`,
      result: met(targets.abandonmentRatePct),
    },
    {
      KPI: 'Average speed of answer',
      value: secs(calls.asaSeconds),
      target: `≤ ${targets.asaSeconds.target} s`,
      result: met(targets.asaSeconds),
    },
    { KPI: 'Self-service containment', value: pct(calls.containmentPct), target: '', result: '' },
    {
      KPI: 'Average handle time',
      value: secs(calls.handleTime.averageSeconds),
      target: '',
      result: '',
    },
    {
      KPI: 'Longest handle time',
      value: secs(calls.handleTime.maxSeconds),
      target: '',
      result: '',
    },
    {
      KPI: `CSAT (${calls.csat.responses} answers)`,
      value: pct(calls.csat.pct),
      target: `≥ ${targets.csatPct.target} %`,
      result: met(targets.csatPct),
    },
    {
      KPI: `NPS (${calls.nps.responses} answers)`,
      value: calls.nps.score ?? '—',
      target: `≥ ${targets.nps.target}`,
      result: met(targets.nps),
    },
    {
      KPI: `Complaints resolved within ${complaints.resolutionHours} h (${complaints.logged} logged, ${complaints.pending} pending)`,
      value: pct(complaints.resolvedWithinSlaPct),
      target: `≥ ${targets.complaintResolutionPct?.target} %`,
      result: targets.complaintResolutionPct ? met(targets.complaintResolutionPct) : '',
    },
  ];
  console.table(Object.fromEntries(kpis.map(({ KPI, ...row }) => [KPI, row])));
  if (report.agents.length === 0) {
    console.log('No agent handled a call that day.');
    return;
  }
  console.log('\nPer agent');
  console.table(
    Object.fromEntries(
      report.agents.map((agent) => [
        agent.username,
        {
          handled: agent.handled,
          'average handle (s)': agent.averageHandleSeconds,
          'longest handle (s)': agent.maxHandleSeconds,
        },
      ]),
    ),
  );
};

// The same database npm start uses: a copy of it on the reused engine while npm start is not
// running, else an engine of its own on it (stop npm start first if that cannot open it).
const starting = openKeptDatabaseForReading(values.db, { inUse: await localServerRunning() });
// The report code loads while the engine's JVM starts.
const [
  { createReports },
  { createLocalTables, localDynamoDbClient },
  { localDependencies, localPlatform },
] = await Promise.all([
  import('#lambdas/reports/reports.ts'),
  import('#local/dynamodb/tables.ts'),
  import('#local/handlers.ts'),
]);
const dynamoDb = await starting;
try {
  await createLocalTables(localDynamoDbClient(dynamoDb.endpoint, dynamoDb.accessKeyId));
  const platform = localPlatform({
    dynamoDbEndpoint: dynamoDb.endpoint,
    dynamoDbAccessKeyId: dynamoDb.accessKeyId,
  });
  const reports = createReports(await localDependencies('reports', {}, platform));
  if (values.agent) {
    const report = await reports.agents({ date, agent: values.agent });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else if ('contacts' in report) {
      console.log(`\n${report.agent.username} on ${date}`);
      const { username, ...figures } = report.agent;
      console.table({ [username]: figures });
      console.table(
        Object.fromEntries(
          report.contacts.map(({ contactId, ...contact }) => [contactId, contact]),
        ),
      );
    }
  } else {
    const report = await reports.daily({ date });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else printDaily(report);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await dynamoDb.stop();
}
