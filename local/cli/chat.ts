import type { Channel } from '#lambdas/conversation/contract.ts';
import { reusedEngineWanted } from '#local/dynamodb/reused.ts';
import { openSeededDynamoDbLocal } from '#local/dynamodb/seeded.ts';
import { toE164 } from '#shared/phone.ts';
import { commandLine } from './arguments.ts';
import { clockFrom } from './clock.ts';

const USAGE = `Runs one text conversation through the conversation service on DynamoDB Local.

  npm run -s chat -- --channel web|whatsapp|sms --from <E.164> --messages "<m1>|<m2>|…" [--at <ISO time>] [--json]

  --channel   web (the chat page's API), whatsapp (End User Messaging Social events) or sms
              (Africa's Talking's inbound callback); each in its channel's wire format
  --messages  what the customer sends, in order, separated by |
  --json      {"replies":[{"text":…}],"handovers":[…],"notifications":[…]}`;

const { values, fail } = commandLine(USAGE, {
  options: {
    channel: { type: 'string', default: 'web' },
    from: { type: 'string', default: '+254712345678' },
    messages: { type: 'string', default: '' },
    at: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const channel = values.channel as Channel;
if (!['web', 'whatsapp', 'sms'].includes(channel))
  fail(`--channel is one of web, whatsapp, sms (got "${values.channel}")`);
// The gateways send a phone number; one that is none would only be refused there, unseen.
if (channel !== 'web' && !toE164(values.from))
  fail(`--from must be a phone number, e.g. +254712345678 or 0712345678 (got "${values.from}")`);

// The seeded database's copy (as npm run call's): its JVM starts while the conversation code loads.
const opening = await openSeededDynamoDbLocal(
  async (endpoint) => {
    const [{ localPlatform }, { seed }] = await Promise.all([
      import('#local/platform.ts'),
      import('#local/seed.ts'),
    ]);
    return seed(localPlatform({ dynamoDbEndpoint: endpoint }).aws.dynamoDb);
  },
  { shortRun: true, reuse: reusedEngineWanted() },
);
const [{ localMessaging }, { localPlatform }, { localOutbox }] = await Promise.all([
  import('#local/messaging.ts'),
  import('#local/platform.ts'),
  import('#shared/notifications/default-notifier.ts'),
]);
const { dynamoDb } = await opening.started;
try {
  const platform = localPlatform({
    dynamoDbEndpoint: dynamoDb.endpoint,
    dynamoDbAccessKeyId: dynamoDb.accessKeyId,
  });
  const messaging = localMessaging(platform, clockFrom(values.at, fail));
  const lines: { from: 'customer' | 'service'; text: string }[] = [];
  const messages = values.messages.length > 0 ? values.messages.split('|') : [];
  for (const text of messages) {
    const before = messaging.received.length;
    lines.push({ from: 'customer', text });
    await messaging.send({ channel, customer: values.from, text });
    for (const reply of messaging.received.slice(before))
      lines.push({ from: 'service', text: reply.text });
  }
  const handovers = messaging.agentChats.started.map(({ handover }) => ({
    reason: handover.reason,
    attributes: handover.attributes,
    transcript: handover.transcript.length,
  }));
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          channel,
          replies: messaging.received.map(({ text, template }) => ({
            text,
            ...(template && { template }),
          })),
          handovers,
          notifications: localOutbox.map(({ channel: via, prompt }) => ({ channel: via, prompt })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const line of lines)
      console.log(
        `${line.from === 'customer' ? '  >' : '  <'} ${line.text.replaceAll('\n', '\n    ')}`,
      );
    for (const handover of handovers)
      console.log(
        `  AGENT chat started (${handover.reason}): ${JSON.stringify(handover.attributes)}`,
      );
  }
} finally {
  await dynamoDb.stop();
}
