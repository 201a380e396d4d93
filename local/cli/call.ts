import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Channel, FlowType } from '#flows/language/flow.schema.ts';
import { localArn } from '#local/arns.ts';
import { parseKeys, scriptedCaller } from '#local/callers.ts';
import { reusedEngineWanted } from '#local/dynamodb/reused.ts';
import type { FlowEngine as Engine } from '#local/flow-engine/engine.ts';
import { stubFlowArn, stubResources } from '#local/flow-engine/stub-resources.ts';
import type { TranscriptEvent } from '#local/flow-engine/types.ts';
import { startLocalRuntime } from '#local/runtime.ts';
import { phaseEnded } from '#local/start-up-phases.ts';
import { describeDisposition, describeEvent, toTranscript } from '#local/transcript.ts';
import { commandLine, secondsOption } from './arguments.ts';
import { clockFrom } from './clock.ts';

const USAGE = `Places one scripted call through the local contact centre.

  npm run call -- --from <E.164> --keys "<entries,...>" [--at <ISO time>] [--json]
                  [--agent-after <seconds>] [--queue-full] [--flow <flow id>] [--attr name=value ...]
  npm run call -- --flow-file <exported flow.json> [--channel VOICE|CHAT|TASK|EMAIL] [--flow-type <type>]
                  [--queue <queue ARN>] [--lambda-result name=value ...] --keys "<entries,...>" [--json]

  --keys         one entry per input prompt: digits, _ for silence, q to hang up; when they run out the
                 caller hangs up in the IVR, or keeps waiting in a queue
  --at           the time the call is placed (default: now), e.g. 2026-12-01T09:00:00+03:00
  --agent-after  an agent answers after this many seconds in queue (default: nobody answers)
  --queue-full   the agent queue is at capacity
  --flow         start in another flow (e.g. outbound-callback), with --attr contact attributes
  --flow-file    run any exported flow (another project's) with stub Lambdas, no database: every
                 Lambda answers {} or the --lambda-result pairs, every queue exists, hours are open
  --channel      the contact's channel ($.Channel; default VOICE)
  --flow-type    the flow's type (default CONTACT_FLOW; CUSTOMER_QUEUE starts in --queue)
  --queue        the working queue the contact arrives with
  --json         print the transcript as JSON (see docs/local-runtime.md)`;

const { values, fail } = commandLine(USAGE, {
  options: {
    from: { type: 'string', default: '+254712345678' },
    keys: { type: 'string' },
    at: { type: 'string' },
    json: { type: 'boolean', default: false },
    'agent-after': { type: 'string' },
    'queue-full': { type: 'boolean', default: false },
    flow: { type: 'string', default: 'main' },
    attr: { type: 'string', multiple: true, default: [] },
    'flow-file': { type: 'string' },
    channel: { type: 'string', default: 'VOICE' },
    'flow-type': { type: 'string', default: 'CONTACT_FLOW' },
    queue: { type: 'string' },
    'lambda-result': { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const clock = clockFrom(values.at, fail);
const agentAfter = secondsOption('agent-after', values['agent-after'], fail);
const startedAt = clock();
const caller = scriptedCaller(parseKeys(values.keys));
// DynamoDB Local's JVM starts first (about a second); the flow schema and engine load meanwhile.
const starting = values['flow-file']
  ? undefined
  : startLocalRuntime({ clock, reuseEngine: reusedEngineWanted() });
const [{ CHANNELS, FlowSchema }, { FlowEngine, UnsupportedActionError }] = await Promise.all([
  import('#flows/language/flow.schema.ts'),
  import('#local/flow-engine/engine.ts'),
]);
const pairs = (list: readonly string[]) =>
  Object.fromEntries(list.map((pair) => pair.split(/=(.*)/s).slice(0, 2) as [string, string]));
const channel = values.channel.toUpperCase();
if (!(CHANNELS as readonly string[]).includes(channel)) {
  console.error(`--channel is one of ${CHANNELS.join(', ')}`);
  await (await starting)?.stop();
  process.exit(2);
}
const contact = {
  customerNumber: values.from,
  caller,
  startAt: startedAt,
  attributes: pairs(values.attr),
  channel: channel as Channel,
  ...(values.queue && { targetQueueArn: values.queue }),
  queue: {
    atCapacity: values['queue-full'],
    ...(agentAfter !== undefined && { answerAfterSeconds: agentAfter }),
  },
};

const print = (transcript: readonly TranscriptEvent[]) => {
  for (const event of transcript) {
    const line = describeEvent(event);
    if (line) console.log(line);
  }
};

const place = async (engine: Engine, flowArn: string) => {
  try {
    const result = await engine.run({ ...contact, flowArn });
    if (values.json) {
      console.log(JSON.stringify(toTranscript(result, { from: values.from, startedAt }), null, 2));
      return;
    }
    print(result.transcript);
    console.log(`  END  ${describeDisposition(result.disposition)}`);
  } catch (error) {
    if (!(error instanceof UnsupportedActionError)) throw error;
    if (values.json) console.log(JSON.stringify({ events: error.transcript }, null, 2));
    else print(error.transcript);
    console.error(error.message);
    process.exitCode = 1;
  }
};

if (values['flow-file']) {
  const file = values['flow-file'];
  const document = FlowSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const resources = stubResources(
    [{ id: basename(file), type: values['flow-type'] as FlowType, document }],
    { lambdaResult: pairs(values['lambda-result']) },
  );
  await place(new FlowEngine(resources), stubFlowArn(basename(file)));
} else {
  // The Lambdas read the same time as the flow.
  const runtime = (await starting)!;
  try {
    await place(runtime.engine, localArn.flow(values.flow));
    phaseEnded('call');
  } finally {
    await runtime.stop();
    phaseEnded('stop');
  }
}
