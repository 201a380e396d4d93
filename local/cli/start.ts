import { createInterface } from 'node:readline';
import { localContacts } from '#local/contacts.ts';
import type { Caller, CallerInput, InputRequest } from '#local/flow-engine/types.ts';
import { SimulatedClock } from '#local/sim-clock.ts';
import { describeDisposition } from '#local/transcript.ts';
import { commandLine, secondsOption } from './arguments.ts';
import { clockFrom } from './clock.ts';
import {
  answeringFrom,
  apiBanner,
  sharedLocalClock,
  startLocalContactCentre,
} from './local-api.ts';

const USAGE = `Runs the Huduma contact centre on this machine and places calls in the terminal.

  npm start [-- --from <E.164>] [--at <ISO time>] [--agent-after <seconds>]
            [--api-port 3100] [--callbacks answer|no-answer]

  Type the keys the IVR asks for and press Enter. An empty line is silence; q hangs up.`;

const { values, fail } = commandLine(USAGE, {
  options: {
    from: { type: 'string', default: '+254712345678' },
    at: { type: 'string' },
    'agent-after': { type: 'string' },
    'api-port': { type: 'string', default: '3100' },
    callbacks: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const terminal = createInterface({ input: process.stdin, output: process.stdout });
// Reading lines through the iterator keeps typed-ahead (or piped) answers until they are asked for.
const lines = terminal[Symbol.asyncIterator]();
let stdinClosed = false;

const ask = async (question: string): Promise<string | undefined> => {
  if (stdinClosed) return undefined;
  process.stdout.write(question);
  const line = await lines.next();
  if (line.done) {
    stdinClosed = true;
    return undefined;
  }
  if (!process.stdin.isTTY) process.stdout.write(`${line.value}\n`);
  return line.value;
};

const terminalCaller: Caller = {
  hear: (prompt) => console.log(`\n  IVR  ${prompt.text}`),
  async input(request: InputRequest): Promise<CallerInput> {
    const hint = request.stored ? 'digits' : 'one key';
    const answer = await ask(`  YOU  (${hint}; Enter = silence, q = hang up) > `);
    if (answer === undefined || answer.trim().toLowerCase() === 'q') return { kind: 'hangup' };
    const digits = answer.replace(/\s/g, '');
    if (digits === '') return { kind: 'timeout' };
    return {
      kind: 'digits',
      digits:
        request.terminator && digits.endsWith(request.terminator) ? digits.slice(0, -1) : digits,
    };
  },
};

const answering = answeringFrom(values.callbacks, fail);
const agentAfter = secondsOption('agent-after', values['agent-after'], fail);
// One clock for the call, the flow Lambdas and the escalation: `--at`, or the shared local clock.
const clock = values.at
  ? new SimulatedClock(clockFrom(values.at, fail)(), true)
  : sharedLocalClock();
console.log('Starting DynamoDB Local and loading the catalogue and demo data…');
// The ticket API, complaint escalation and call-backs run in the background beside the call.
const { runtime, server: api } = await startLocalContactCentre(
  clock,
  answering,
  Number(values['api-port']),
);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  terminal.close();
  await api.stop();
  await runtime.stop();
};
process.on('SIGINT', () => {
  console.log('\nStopping…');
  void stop().then(() => process.exit(130));
});
process.on('SIGTERM', () => void stop().then(() => process.exit(143)));

console.log(`Huduma Contact Centre is running locally (DynamoDB Local at ${runtime.dynamoDb.endpoint}).
Seeded ${runtime.seeded.catalogueItems} catalogue items, ${runtime.seeded.articles} knowledge articles, ${runtime.seeded.applications} demo applications and ${runtime.seeded.pensioners} pensioners.
Try application number 12345678 with ID digits 5678 (ready for collection). See README.md for the demo records.
${apiBanner(api.url)}`);

try {
  do {
    console.log(`\n📞 Calling the contact centre from ${values.from}…`);
    const result = await runtime.engine.run({
      flowArn: runtime.mainFlowArn,
      customerNumber: values.from,
      caller: terminalCaller,
      startAt: clock.now(),
      // The contact as the staff API sees it on Connect (the desktop's ?contact=<id>).
      onActionStarted: ({ data }) => {
        const { ContactId, Attributes } = data() as {
          ContactId: string;
          Attributes: Record<string, string>;
        };
        if (!localContacts.contacts.has(ContactId))
          console.log(`  🖥   Agent desktop on this call: ${api.url}/desktop/?contact=${ContactId}`);
        localContacts.register(ContactId, { number: values.from, attributes: Attributes });
      },
      ...(agentAfter !== undefined && { queue: { answerAfterSeconds: agentAfter } }),
    });
    console.log(`\n  ☎   Call ended: ${describeDisposition(result.disposition)}`);
  } while (
    (await ask('\nPress Enter to call again, or q to quit > '))?.trim().toLowerCase() !== 'q' &&
    !stdinClosed
  );
} finally {
  await stop();
}
