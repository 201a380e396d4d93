import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promptsMissingFrom } from '../../bench/bundle-prompts.ts';
import { bundleHandler, contributionsOf, handlerNames } from '../../bench/bundles.ts';

const KiB = 1024;

/**
 * Ceilings from the figures of `npm run bench` (docs/deploy.md, "Handler bundles"), a little
 * above each bundle as it is: a change that adds a dependency's weight to a handler (a client,
 * zod classic, the SDK's schemas kept whole) fails here, not at the next cold start. Raise a
 * ceiling only with the bench's figures and a line in docs/deploy.md.
 */
// The DynamoDB client with the SDK core bundles to about 180 KiB, zod/mini to 29-43: a handler
// on DynamoDB with one capability's use cases (tracking 328 KiB, caller context 329).
const DEFAULT_CEILING = 345 * KiB;
/** Handlers with more use cases, their own prompts and data (knowledge 407 KiB). */
const LARGER_CEILING = 425 * KiB;
const CEILINGS: Record<string, number> = {
  // No DynamoDB: the Firehose transformation (72 KiB) and the speech handler (164 KiB).
  'lake-redaction': 85 * KiB,
  speech: 180 * KiB,
  // Appointments with its centres and calendar, complaints, pensions and knowledge (MiniSearch),
  // the staff API's ticket routes and the chat relay (the conversation's hand-over): 366-407 KiB.
  appointments: LARGER_CEILING,
  complaints: LARGER_CEILING,
  pensions: LARGER_CEILING,
  knowledge: LARGER_CEILING,
  'tickets-api': LARGER_CEILING,
  'agent-chat-relay': LARGER_CEILING,
  // The Connect client (outbound calls): 26 KiB once its schemas tree-shake (lib/sdk-trait-keys.ts).
  'callback-dialer': 400 * KiB,
  // The staff API's knowledge routes read the caller's number from the contact (DescribeContact).
  'knowledge-api': 445 * KiB,
  // SES, End User Messaging SMS and Social clients, the whole prompt catalogue (a notice may be
  // any capability's), and Powertools Idempotency with its JMESPath (about 42 KiB): 491 KiB.
  'notification-delivery': 520 * KiB,
  // The conversation service's capabilities (service information too, with MiniSearch), the
  // Connect client for the hand-over and its relay: SMS 626 KiB.
  'sms-channel': 660 * KiB,
  'web-chat': 660 * KiB,
  'whatsapp-channel': 660 * KiB,
  // Five capabilities' use cases (appointments, tracking, pensions, complaints, knowledge with
  // MiniSearch), their dialogues and the USSD sessions: 567 KiB.
  ussd: 600 * KiB,
};

const directory = mkdtempSync(join(tmpdir(), 'huduma-bundle-sizes-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const bundles = new Map<string, ReturnType<typeof bundleHandler>>();
const bundled = (handler: string) => {
  if (!bundles.has(handler))
    bundles.set(handler, bundleHandler(handler, join(directory, handler, 'index.mjs')));
  return bundles.get(handler)!;
};

describe.each(handlerNames())('the %s bundle', (handler) => {
  it('stays under its size ceiling and carries no zod classic, zod locales or X-Ray SDK', async () => {
    const { bytes, metafile } = await bundled(handler);
    const largest = contributionsOf(metafile)
      .slice(0, 5)
      .map(({ source, bytes }) => `${source} ${(bytes / KiB).toFixed(0)} KiB`);
    const ceiling = CEILINGS[handler] ?? DEFAULT_CEILING;
    expect({
      handler,
      kib: Math.round(bytes / KiB),
      largest,
      underCeiling: bytes <= ceiling,
    }).toEqual(expect.objectContaining({ underCeiling: true }));
    const carried = Object.values(metafile.outputs)
      .flatMap((output) => Object.entries(output.inputs))
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => input);
    expect(carried.filter((input) => /zod\/v4\/locales\/(?!en\.js)/.test(input))).toEqual([]);
    // Every schema is on zod/mini (lambdas/shared/zod.ts): classic in a bundle is an import
    // of 'zod' (ours or a dependency's), about 60 KiB more.
    expect(carried.filter((input) => input.includes('zod/v4/classic/'))).toEqual([]);
    // The Powertools Tracer's X-Ray SDK switches on async hooks for every promise at import
    // (docs/deploy.md): Lambda's active tracing records the invocations instead.
    expect(contributionsOf(metafile).map(({ source }) => source)).not.toContain(
      'aws-xray-sdk-core',
    );
  });

  // A handler registers only the prompt files it speaks (lambdas/shared/speech/prompts.ts):
  // every prompt id its code names must be in its bundle, or the Lambda throws "Unknown prompt id".
  it('carries every prompt its code names', async () => {
    const { metafile } = await bundled(handler);
    expect({ handler, missing: promptsMissingFrom(metafile) }).toEqual({ handler, missing: [] });
  });
});
