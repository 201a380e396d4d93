import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { reusedEngineWanted } from '#local/dynamodb/reused.ts';
import { localHandler, preloadHandlerModules } from '#local/handlers.ts';
import { startLocalRuntime } from '#local/runtime.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { commandLine } from './arguments.ts';
import { clockFrom } from './clock.ts';

const USAGE = `Dials the local USSD service as a feature phone would (the real handler on DynamoDB Local).

  npm run -s ussd -- --from <E.164> --text "<path>" [--json] [--at <ISO time>]
  npm run -s ussd -- --from <E.164> --interactive

  --text         the inputs so far joined by *, as the gateway sends them ("" is the first screen):
                 every prefix is posted in turn in one session, and the last screen printed
  --json         print {"response":"CON …"} (the gateway's body) and the SMS the session sent
  --interactive  type one entry per line (0 back, 00 main menu, 98 more); an END screen or an
                 empty line after it ends the session
  --at           the time the session happens (default: now)`;

const { values, fail } = commandLine(USAGE, {
  options: {
    from: { type: 'string', default: '+254712345678' },
    text: { type: 'string', default: '' },
    json: { type: 'boolean', default: false },
    interactive: { type: 'boolean', default: false },
    at: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

// The USSD handler's module loads while the runtime's engine starts.
preloadHandlerModules(['ussd']);
const clock = clockFrom(values.at, fail);
const runtime = await startLocalRuntime({
  clock,
  reuseEngine: reusedEngineWanted(),
});
try {
  const handler = localHandler('ussd', { clock }, runtime.platform);
  const sessionId = `ATUid_${randomUUID()}`;
  const post = async (text: string): Promise<string> => {
    const body = new URLSearchParams({
      sessionId,
      serviceCode: '*384*1919#',
      phoneNumber: values.from,
      networkCode: '63902',
      text,
    }).toString();
    const result = (await handler(
      { body, isBase64Encoded: false, requestContext: { identity: { sourceIp: '127.0.0.1' } } },
      { functionName: 'ussd', getRemainingTimeInMillis: () => 8000 } as never,
    )) as APIGatewayProxyStructuredResultV2;
    return String(result.body);
  };
  const sentBefore = localOutbox.length;
  if (values.interactive) {
    const lines = createInterface({ input: process.stdin, output: process.stdout });
    const inputs: string[] = [];
    let screen = await post('');
    for (;;) {
      console.log(`\n${screen}\n`);
      if (screen.startsWith('END')) break;
      const entry = await lines.question('> ');
      inputs.push(entry.trim());
      screen = await post(inputs.join('*'));
    }
    lines.close();
  } else {
    const inputs = values.text === '' ? [] : values.text.split('*');
    let screen = await post('');
    for (let k = 1; k <= inputs.length; k++) screen = await post(inputs.slice(0, k).join('*'));
    const sms = localOutbox.slice(sentBefore).map(({ to, prompt, vars }) => ({ to, prompt, vars }));
    if (values.json) console.log(JSON.stringify({ response: screen, sms }));
    else console.log(screen);
  }
} finally {
  await runtime.stop();
}
