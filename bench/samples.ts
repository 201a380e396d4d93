import { randomUUID } from 'node:crypto';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { CAPABILITIES } from '#lambdas/capabilities.ts';
import { localTableName } from '#local/dynamodb/tables.ts';
import { localHandler } from '#local/handlers.ts';
import type { LocalPlatform } from '#local/platform.ts';
import type { CapabilityDescriptor } from '#shared/capability.ts';
import { serviceDataTable } from '#shared/data/tables.ts';
import type { AwsClients } from '#shared/platform.ts';
import { connectEvent, lambdaContext } from '../test/support/connect.ts';
import type { Compare } from './appointments.ts';
import { benchWanted } from './stats.ts';

// biome-ignore lint/suspicious/noExplicitAny: any lib-dynamodb command.
type Command = { constructor: new (input: any) => any; input: unknown };
/** The DynamoDB calls one invocation made, in turns: the calls of a turn were in flight together. */
export type Turns = { command: Command['constructor']; input: unknown }[][];

/** A DocumentClient that records every command it sends, grouped into concurrent turns. */
export const recordingClient = (client: DynamoDBDocumentClient) => {
  let turns: Turns = [];
  let inFlight = 0;
  let on = false;
  const send = async (command: Command) => {
    if (!on) return client.send(command as never);
    if (inFlight === 0) turns.push([]);
    turns.at(-1)!.push({ command: command.constructor, input: structuredClone(command.input) });
    inFlight++;
    try {
      return await client.send(command as never);
    } finally {
      inFlight--;
    }
  };
  const recording = new Proxy(client, {
    get: (target, property) => {
      if (property === 'send') return send;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  /** The calls `work` makes, as turns. */
  const record = async <T>(work: () => Promise<T>): Promise<[T, Turns]> => {
    on = true;
    try {
      return [await work(), turns];
    } finally {
      on = false;
      turns = [];
    }
  };
  return { recording, record };
};

/**
 * `platform` with its DynamoDB client recording (recordingClient), for handlers whose calls
 * are compared with raw ones; the other clients stay made on first use.
 */
export const recordingPlatform = (platform: LocalPlatform) => {
  const { recording, record } = recordingClient(platform.aws.dynamoDb);
  const aws = Object.defineProperties(
    {},
    {
      ...Object.getOwnPropertyDescriptors(platform.aws),
      dynamoDb: { value: recording, enumerable: true },
    },
  ) as AwsClients;
  return { platform: { ...platform, aws }, recording, record };
};

/** The commands of each turn (a turn's in name order: they were in flight together). */
export const callShape = (turns: Turns) =>
  turns
    .map((turn) =>
      turn
        .map(({ command }) => command.name.replace(/Command$/, ''))
        .sort()
        .join(' ‖ '),
    )
    .join(', then ') || 'no DynamoDB; raw = 1 GetItem for scale';

/** A number's SMS allowance as lambdas/shared/data/fixed-window.ts takes it, on item `pk`. */
export const smsAllowanceCommand = (TableName: string, pk: string) =>
  new UpdateCommand({
    TableName,
    Key: { pk, sk: 'SMS' },
    UpdateExpression:
      'SET windowStartedAt = if_not_exists(windowStartedAt, :now), expiresAt = if_not_exists(expiresAt, :windowEnd) ADD sent :one',
    ConditionExpression:
      'attribute_not_exists(windowStartedAt) OR (windowStartedAt > :floor AND sent < :max)',
    ExpressionAttributeValues: { ':now': 2, ':windowEnd': 3, ':floor': 1, ':max': 10, ':one': 1 },
  });

/**
 * `compare`, after checking that a hand-written raw side makes the handler's calls (the same
 * commands in the same turns; both through `record`'s client): a call the handler gained and
 * the raw side lacked (a confirmation's SMS allowance) made a ratio a round trip wrong. One
 * call of each is spent on the check.
 */
export const checkedCompare =
  (compare: Compare, record: ReturnType<typeof recordingClient>['record']): Compare =>
  async (name, handlerCall, rawCall, roundTrips, iterations) => {
    if (!benchWanted(name)) return;
    const [, handlerTurns] = await record(handlerCall);
    const [, rawTurns] = await record(rawCall);
    if (callShape(handlerTurns) !== callShape(rawTurns))
      throw new Error(
        `${name}: the raw calls (${callShape(rawTurns)}) are not the handler's (${callShape(handlerTurns)})`,
      );
    await compare(name, handlerCall, rawCall, roundTrips, iterations);
  };

export interface SampleBenchOptions {
  readonly compare: Compare;
  readonly platform: LocalPlatform;
  readonly capabilities?: readonly CapabilityDescriptor[];
}

/** `value` with every occurrence of each token replaced, in strings, arrays and plain objects. */
const substitute = (value: unknown, tokens: ReadonlyMap<string, string>): unknown => {
  if (typeof value === 'string') {
    let replaced = value;
    for (const [token, by] of tokens) replaced = replaced.split(token).join(by);
    return replaced;
  }
  if (Array.isArray(value)) return value.map((inner) => substitute(inner, tokens));
  if (value && typeof value === 'object' && value.constructor === Object)
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, substitute(inner, tokens)]),
    );
  return value;
};

/**
 * Sends recorded `turns` again through `send`, a turn's calls together as recorded, with each
 * token of `replacements` replaced by its value (a raw side that makes the handler's calls).
 */
export const replayTurns = async (
  send: (command: InstanceType<Command['constructor']>) => Promise<unknown>,
  turns: Turns,
  replacements: ReadonlyMap<string, string>,
): Promise<void> => {
  for (const turn of turns)
    await Promise.all(
      turn.map(({ command, input }) =>
        send(new command(substitute(structuredClone(input), replacements))),
      ),
    );
};

const digits = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** A new value of a token's shape: digits for digits (a reference, a number), else a UUID. */
const fresh = (token: string) =>
  /^\+?\d+$/.test(token)
    ? token.replace(/\d+$/, (tail) => digits(tail.length))
    : token.length === 36
      ? randomUUID()
      : randomUUID().slice(0, token.length);

/**
 * Replays recorded turns on `client` with what is new on each handler call (the contact, the
 * calling number, what the handler drew: `tokens`) new again, so a conditional write writes
 * new items of the handler's size and shape, as the handler's does, instead of failing its
 * condition on the handler's (a cheaper round trip).
 */
export const freshReplay =
  (client: Pick<DynamoDBDocumentClient, 'send'>) => (turns: Turns, tokens: readonly string[]) =>
    replayTurns(
      (command) => client.send(command as never).catch(() => undefined),
      turns,
      new Map(tokens.map((token) => [token, fresh(token)])),
    );

const READS: ReadonlySet<unknown> = new Set([GetCommand, QueryCommand, BatchGetCommand]);

/**
 * `compare` for read-only handler calls: the raw side is the DynamoDB calls `handlerCall`
 * makes, recorded once and sent again as they were, turn by turn. Reads change nothing, so
 * every replay reads the items the handler reads (and makes its calls: nothing to check); a
 * write among the calls stops the bench (it needs new keys).
 */
export const readsCompare =
  (
    compare: Compare,
    record: ReturnType<typeof recordingClient>['record'],
    send: Parameters<typeof replayTurns>[0],
  ) =>
  async (name: string, handlerCall: () => Promise<unknown>, iterations?: number): Promise<void> => {
    if (!benchWanted(name)) return;
    const [, turns] = await record(handlerCall);
    if (turns.flat().some(({ command }) => !READS.has(command)))
      throw new Error(`${name}: not read-only, so not replayed as it is: ${callShape(turns)}`);
    await compare(name, handlerCall, () => replayTurns(send, turns, new Map()), 1, iterations);
  };

/**
 * Every operation a descriptor gives a `sample` for, timed as the flow invokes it (a fresh
 * contact and calling number each call) beside the raw DynamoDB calls it makes: those of a
 * warm invocation, recorded and replayed turn by turn (a turn's calls together), with the
 * contact, calling number and drawn reference new on each replay as they are on each handler
 * call, so a conditional write writes as the handler's does; a capability added to
 * lambdas/capabilities.ts with a sample is benched without editing bench/run.ts.
 */
export const benchSamples = async ({
  compare,
  platform,
  capabilities = CAPABILITIES,
}: SampleBenchOptions): Promise<void> => {
  const client = platform.aws.dynamoDb;
  const { platform: recorded, record } = recordingPlatform(platform);
  const replay = freshReplay(client);
  const forScale = () =>
    client.send(
      new GetCommand({
        TableName: localTableName(serviceDataTable),
        Key: { pk: 'PENSION#0000368915', sk: 'PENSIONER' },
      }),
    );

  for (const capability of capabilities) {
    const fn = localHandler(capability.handler as never, {} as never, recorded) as unknown as (
      event: unknown,
      context: unknown,
    ) => Promise<Record<string, unknown>>;
    const context = lambdaContext(capability.handler);
    let contact: string[] = [];
    const invoke = (parameters: Readonly<Record<string, string>>) => {
      contact = [randomUUID(), `+2547${digits(8)}`];
      const [contactId, customerNumber] = contact as [string, string];
      return fn(connectEvent({ ...parameters }, { contactId, customerNumber }), context);
    };
    for (const [operation, { sample }] of Object.entries(capability.operations)) {
      if (!sample) continue;
      const first = await invoke(sample);
      const [result, turns] = await record(() => invoke(sample));
      // What the handler drew on this call (a reference): the result's values that differ
      // from the first call's, times aside.
      const drawn = Object.entries(result)
        .filter(([key, value]) => typeof value === 'string' && value !== first[key])
        .map(([, value]) => value as string)
        .filter((value) => value.length >= 6 && Number.isNaN(Date.parse(value)));
      const tokens = [...contact, ...drawn];
      await compare(
        `${capability.handler}: ${operation} → ${String(result.outcome)} (${callShape(turns)})`,
        () => invoke(sample),
        turns.length ? () => replay(turns, tokens) : forScale,
        1,
      );
    }
  }
};
