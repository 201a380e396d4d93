import { parseArgs } from 'node:util';
import { localArn } from '../arns.ts';
import { parseKeys, scriptedCaller } from '../callers.ts';
import { startLocalRuntime } from '../runtime.ts';
import { describeDisposition, describeEvent, toTranscript } from '../transcript.ts';
import { clockFrom } from './clock.ts';

const USAGE = `Places one scripted call through the local contact centre.

  npm run call -- --from <E.164> --keys "<entries,...>" [--at <ISO time>] [--json]
                  [--agent-after <seconds>] [--queue-full] [--flow <flow id>] [--attr name=value ...]

  --keys         one entry per input prompt: digits, _ for silence, q to hang up; when they run out the
                 caller hangs up in the IVR, or keeps waiting in a queue
  --at           the time the call is placed (default: now), e.g. 2026-12-01T09:00:00+03:00
  --agent-after  an agent answers after this many seconds in queue (default: nobody answers)
  --queue-full   the agent queue is at capacity
  --flow         start in another flow (e.g. outbound-callback), with --attr contact attributes
  --json         print the transcript as JSON (see docs/local-runtime.md)`;

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '+254712345678' },
    keys: { type: 'string' },
    at: { type: 'string' },
    json: { type: 'boolean', default: false },
    'agent-after': { type: 'string' },
    'queue-full': { type: 'boolean', default: false },
    flow: { type: 'string', default: 'main' },
    attr: { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const clock = clockFrom(values.at);
const startedAt = clock();
const attributes = Object.fromEntries(
  values.attr.map((pair) => pair.split(/=(.*)/s).slice(0, 2) as [string, string]),
);
// The Lambdas read the same time as the flow.
const runtime = await startLocalRuntime({ clock });
try {
  const result = await runtime.engine.run({
    flowArn: localArn.flow(values.flow),
    customerNumber: values.from,
    caller: scriptedCaller(parseKeys(values.keys)),
    startAt: startedAt,
    attributes,
    queue: {
      atCapacity: values['queue-full'],
      ...(values['agent-after'] !== undefined && {
        answerAfterSeconds: Number(values['agent-after']),
      }),
    },
  });
  if (values.json) {
    console.log(JSON.stringify(toTranscript(result, { from: values.from, startedAt }), null, 2));
  } else {
    for (const event of result.transcript) {
      const line = describeEvent(event);
      if (line) console.log(line);
    }
    console.log(`  END  ${describeDisposition(result.disposition)}`);
  }
} finally {
  await runtime.stop();
}
