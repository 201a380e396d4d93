import { randomUUID } from 'node:crypto';
import { FLOW_FUNCTIONS } from '#flows/manifest.ts';
import { localArn } from '#local/arns.ts';
import { reusedEngineWanted } from '#local/dynamodb/reused.ts';
import { startLocalRuntime } from '#local/runtime.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { commandLine } from './arguments.ts';

const HANDLERS: string[] = Object.values(FLOW_FUNCTIONS).map((fn) => fn.handler);

const USAGE = `Invokes a flow Lambda on the local contact centre, as a contact flow would, and prints
its flat result. Each quoted argument is one invocation, all on the same contact.

  npm run -s invoke -- <${HANDLERS.join('|')}> "<name=value ...>" ["<name=value ...>" ...] [--from <E.164>]

  npm run -s invoke -- pensions "operation=verify pensionNumber=0000368915 idNumber=22334455" "operation=last-payment"
  npm run -s invoke -- complaints "operation=create categoryKey=1 serviceKey=3"
  npm run -s invoke -- survey "question=csat score=5" "question=nps score=11"`;

const { values, positionals } = commandLine(USAGE, {
  allowPositionals: true,
  options: {
    from: { type: 'string', default: '+254712345678' },
    help: { type: 'boolean', default: false },
  },
});
const [name, ...invocations] = positionals;
if (values.help || !name || !HANDLERS.includes(name) || invocations.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 1);
}

const parameters = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const [key = '', ...rest] = pair.split('=');
        return [key, rest.join('=')];
      }),
  );

const runtime = await startLocalRuntime({ reuseEngine: reusedEngineWanted() });
try {
  const lambda = runtime.engine.resources.lambdas.get(localArn.lambda(name))!;
  const contactId = randomUUID();
  for (const invocation of invocations) {
    const event = {
      Name: 'ContactFlowEvent',
      Details: {
        ContactData: {
          ContactId: contactId,
          Channel: 'VOICE',
          InitiationMethod: 'INBOUND',
          CustomerEndpoint: { Address: values.from, Type: 'TELEPHONE_NUMBER' },
          Attributes: {},
        },
        Parameters: parameters(invocation),
      },
    };
    const context = { getRemainingTimeInMillis: () => 3000, functionName: `huduma-${name}` };
    try {
      const result = await lambda.handler(event, context as never);
      console.log(`${invocation}\n${JSON.stringify(result, null, 2)}\n`);
    } catch (error) {
      console.log(`${invocation}\n  error branch: ${(error as Error).message}\n`);
    }
  }
  if (localOutbox.length > 0)
    console.log('Notifications sent:', JSON.stringify(localOutbox, null, 2));
} finally {
  await runtime.stop();
}
