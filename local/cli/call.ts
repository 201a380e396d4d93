import { parseArgs } from 'node:util';
import { parseKeys, scriptedCaller } from '../callers.ts';
import { startLocalRuntime } from '../runtime.ts';
import { describeEvent, toTranscript } from '../transcript.ts';
import { clockFrom } from './clock.ts';

const USAGE = `Places one scripted call through the local contact centre.

  npm run call -- --from <E.164> --keys "<digits,...>" [--at <ISO time>] [--json]

  --keys   one entry per input prompt: digits, or _ for silence; the caller hangs up when they run out
  --at     the time the call is placed (default: now), e.g. 2026-12-01T09:00:00+03:00
  --json   print the transcript as JSON`;

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '+254712345678' },
    keys: { type: 'string' },
    at: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const now = clockFrom(values.at);
const runtime = await startLocalRuntime();
try {
  const startedAt = now();
  const result = await runtime.engine.run({
    flowArn: runtime.mainFlowArn,
    customerNumber: values.from,
    caller: scriptedCaller(parseKeys(values.keys)),
    startAt: startedAt,
  });
  if (values.json) {
    console.log(JSON.stringify(toTranscript(result, { from: values.from, startedAt }), null, 2));
  } else {
    for (const event of result.transcript) {
      const line = describeEvent(event);
      if (line) console.log(line);
    }
    console.log(`  END  ${JSON.stringify(result.disposition)}`);
  }
} finally {
  await runtime.stop();
}
