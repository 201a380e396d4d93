import { type ValidationOptions, validateFlow } from '#flows/language/validator.ts';
import { scriptedCaller } from '#local/callers.ts';
import { FlowEngine, UnsupportedActionError } from '#local/flow-engine/engine.ts';
import { stubFlowArn, stubResources } from '#local/flow-engine/stub-resources.ts';
import type { ContactOptions, TranscriptEvent } from '#local/flow-engine/types.ts';
import { onError, transitions } from '../support/flow-json.ts';

/** Conformance with Connect: each rule with a flow of our own, where the engine or validator went wrong. */

type Action = {
  Identifier: string;
  Type: string;
  Parameters?: Record<string, unknown>;
  Transitions?: Record<string, unknown>;
};

const say = (id: string, text: string, next = 'bye'): Action => ({
  Identifier: id,
  Type: 'MessageParticipant',
  Parameters: { Text: text },
  Transitions: onError(next),
});
/** The stub Lambda (its result: `{ field: 'tier', queue: '' }`), then `next`. */
const lambda = (arn: string, next: string): Action => ({
  Identifier: 'lambda',
  Type: 'InvokeLambdaFunction',
  Parameters: { LambdaFunctionARN: arn, InvocationTimeLimitSeconds: '3' },
  Transitions: onError(next),
});
const bye: Action = { Identifier: 'bye', Type: 'DisconnectParticipant', Transitions: {} };

const flowOf = (actions: Action[]) => ({
  Version: '2019-10-30' as const,
  StartAction: actions[0]!.Identifier,
  Actions: actions.map((a) => ({ Parameters: {}, Transitions: {}, ...a })),
});

const foreign: ValidationOptions = { placeholders: 'foreign' };
const rules = (actions: Action[], options: ValidationOptions = foreign) =>
  validateFlow(JSON.stringify(flowOf(actions)), options).map((p) => p.rule);

const run = async (
  actions: Action[],
  options: Partial<ContactOptions> & { type?: 'CONTACT_FLOW' | 'CUSTOMER_QUEUE' } = {},
  keys: string[] = [],
) => {
  const { type = 'CONTACT_FLOW', ...contact } = options;
  const engine = new FlowEngine(
    stubResources([{ id: 'own', type, document: flowOf(actions) }], {
      lambdaResult: { field: 'tier', queue: '' },
    }),
  );
  return engine.run({
    flowArn: stubFlowArn('own'),
    customerNumber: '+254712345678',
    caller: scriptedCaller(keys),
    startAt: new Date('2026-12-01T10:00:00+03:00'),
    ...contact,
  });
};
const said = (transcript: readonly TranscriptEvent[]) =>
  transcript.flatMap((event) => (event.type === 'prompt' ? [event.text] : []));

describe('validator conformance', () => {
  const hooks = (parameters: Record<string, unknown>): Action[] => [
    {
      Identifier: 'hook',
      Type: 'UpdateContactEventHooks',
      Parameters: parameters,
      Transitions: onError('bye', 'bye'),
    },
    bye,
  ];

  it('accepts an event-hooks action that only disables a hook through EventHooksConfiguration', () => {
    expect(
      rules(hooks({ EventHooksConfiguration: { CustomerWhisper: { DisableExecution: 'true' } } })),
    ).toEqual([]);
  });

  it('rejects an event-hooks action with two hooks, or with neither hooks nor configuration', () => {
    expect(
      rules(hooks({ EventHooks: { CustomerQueue: 'arn:q', CustomerRemaining: 'arn:r' } })),
    ).toEqual(['event-hooks']);
    expect(rules(hooks({}))).toEqual(['event-hooks']);
  });

  const endModule: Action[] = [{ Identifier: 'end', Type: 'EndFlowModuleExecution' }];

  it('flags EndFlowModuleExecution only in a flow known not to be a module', () => {
    expect(rules(endModule)).toEqual([]);
    expect(rules(endModule, { ...foreign, module: true })).toEqual([]);
    expect(rules(endModule, { ...foreign, flowType: 'CONTACT_FLOW' })).toEqual(['flow-type']);
    expect(rules(endModule, { ...foreign, module: false })).toEqual(['flow-type']);
  });

  it('warns where a flow meant for chat uses a voice-only block, and still publishes it', () => {
    const store: Action[] = [
      {
        Identifier: 'number',
        Type: 'GetParticipantInput',
        Parameters: {
          Text: 'Your number?',
          StoreInput: 'True',
          InputTimeLimitSeconds: '5',
          InputValidation: { CustomValidation: { MaximumLength: '10' } },
        },
        Transitions: onError('bye', 'bye'),
      },
      bye,
    ];
    const problems = validateFlow(JSON.stringify(flowOf(store)), {
      ...foreign,
      channels: ['VOICE', 'CHAT'],
    });
    expect(problems).toEqual([
      expect.objectContaining({ action: 'number', rule: 'channel', warning: true }),
    ]);
    expect(problems[0]!.message).toContain('on CHAT it takes its error branch');
    expect(rules(store, { ...foreign, channels: ['VOICE'] })).toEqual([]);
  });
});

describe('engine conformance', () => {
  const channelCheck: Action = {
    Identifier: 'channel',
    Type: 'Compare',
    Parameters: { ComparisonValue: '$.Channel' },
    Transitions: transitions('other', { NoMatchingCondition: 'other' }, [
      ['CHAT', 'chat'],
      ['TASK', 'task'],
    ]),
  };

  it('sets $.Channel per contact and in the contact trace record', async () => {
    const actions = [
      channelCheck,
      say('chat', 'chat'),
      say('task', 'task'),
      say('other', 'voice'),
      bye,
    ];
    const chat = await run(actions, { channel: 'CHAT' });
    const task = await run(actions, { channel: 'TASK' });
    const voice = await run(actions);
    expect([said(chat.transcript), said(task.transcript), said(voice.transcript)]).toEqual([
      ['chat'],
      ['task'],
      ['voice'],
    ]);
    expect(chat.contactTraceRecord.Channel).toBe('CHAT');
  });

  const input = (parameters: Record<string, unknown>): Action[] => [
    {
      Identifier: 'ask',
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Press 1', InputTimeLimitSeconds: '5', ...parameters },
      Transitions: transitions(
        'failed',
        { NoMatchingError: 'failed', NoMatchingCondition: 'failed', InvalidPhoneNumber: 'invalid' },
        parameters.StoreInput === 'True' ? [] : [['1', 'one']],
      ),
    },
    say('one', 'one'),
    {
      Identifier: 'stored',
      Type: 'UpdateContactAttributes',
      Parameters: { Attributes: { number: '$.StoredCustomerInput' } },
      Transitions: onError('bye', 'bye'),
    },
    say('failed', 'error branch'),
    say('invalid', 'invalid number'),
    bye,
  ];

  it('takes the error branch of Store customer input on chat, and of Get customer input without Lex', async () => {
    const store = input({
      StoreInput: 'True',
      InputValidation: { CustomValidation: { MaximumLength: '4' } },
    });
    store[0]!.Transitions!.NextAction = 'stored';
    const stored = await run(store, { channel: 'CHAT' }, ['1234']);
    const menu = await run(input({ StoreInput: 'False' }), { channel: 'CHAT' }, ['1']);
    const voice = await run(input({ StoreInput: 'False' }), {}, ['1']);
    expect(said(stored.transcript)).toEqual(['error branch']);
    expect(said(menu.transcript)).toEqual(['error branch']);
    expect(said(voice.transcript)).toEqual(['Press 1', 'one']);
    expect(stored.transcript).toContainEqual(
      expect.objectContaining({
        type: 'error',
        message: 'GetParticipantInput does not run on CHAT',
      }),
    );
  });

  it('waits on chat and tasks, and takes the error branch of Wait on voice', async () => {
    const wait: Action[] = [
      {
        Identifier: 'wait',
        Type: 'Wait',
        Parameters: { TimeLimitSeconds: '300' },
        Transitions: transitions('failed', { NoMatchingError: 'failed' }, [
          ['WaitCompleted', 'done'],
        ]),
      },
      say('done', 'waited'),
      say('failed', 'error branch'),
      bye,
    ];
    const chat = await run(wait, { channel: 'CHAT' });
    expect(said(chat.transcript)).toEqual(['waited']);
    expect(said((await run(wait, { channel: 'TASK' })).transcript)).toEqual(['waited']);
    expect(said((await run(wait)).transcript)).toEqual(['error branch']);
    expect(chat.contactTraceRecord.DisconnectTimestamp).toBe('2026-12-01T07:05:01Z');
  });

  it('evaluates dynamic attribute keys', async () => {
    const result = await run([
      lambda('${LookupArn}', 'set'),
      {
        Identifier: 'set',
        Type: 'UpdateContactAttributes',
        Parameters: { Attributes: { '$.External.field': 'gold', fixed: 'yes' } },
        Transitions: onError('bye', 'bye'),
      },
      bye,
    ]);
    expect(result.attributes).toEqual({ tier: 'gold', fixed: 'yes' });
  });

  const callback = (queue?: string): Action => ({
    Identifier: 'callback',
    Type: 'CreateCallbackContact',
    Parameters: queue ? { QueueId: queue } : { InitialCallDelaySeconds: '60' },
    Transitions: onError('bye', 'failed'),
  });

  it('creates a call-back in the working queue when the action names none', async () => {
    const result = await run([
      {
        Identifier: 'queue',
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: 'arn:queue/callbacks' },
        Transitions: onError('callback', 'failed'),
      },
      callback(),
      say('failed', 'error branch'),
      bye,
    ]);
    expect(result.disposition).toEqual({
      type: 'CALLBACK_REQUESTED',
      queue: 'arn:queue/callbacks',
      number: '+254712345678',
    });
  });

  it('creates a call-back in the queue the contact waits in, from a customer queue flow', async () => {
    const result = await run([callback(), say('failed', 'error branch'), bye], {
      type: 'CUSTOMER_QUEUE',
      targetQueueArn: 'arn:queue/general',
    });
    expect(result.transcript).toContainEqual({
      type: 'callback',
      queue: 'arn:queue/general',
      number: '+254712345678',
    });
  });

  it('takes the error branch when the working queue resolves to nothing', async () => {
    const result = await run([
      lambda('arn:fn', 'queue'),
      {
        Identifier: 'queue',
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: '$.External.queue' },
        Transitions: onError('set', 'failed'),
      },
      say('set', 'queue set'),
      say('failed', 'error branch'),
      bye,
    ]);
    expect(said(result.transcript)).toEqual(['error branch']);
  });

  it.each([
    ['KE', '0712345678', '+254712345678'],
    ['TZ', '0754123456', '+255754123456'],
    ['UG', '0772123456', '+256772123456'],
    ['GB', '07400123456', '+447400123456'],
    ['US', '2015550123', '+12015550123'],
  ])('validates a Local number in %s national format', async (country, typed, e164) => {
    const phone = input({
      StoreInput: 'True',
      InputValidation: { PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: country } },
    });
    phone[0]!.Transitions!.NextAction = 'stored';
    expect((await run(phone, {}, [typed])).attributes.number).toBe(e164);
    expect(said((await run(phone, {}, ['0123'])).transcript)).toEqual([
      'Press 1',
      'invalid number',
    ]);
  });

  const toQueue: Action = {
    Identifier: 'to-queue',
    Type: 'TransferContactToQueue',
    Transitions: transitions('failed', { QueueAtCapacity: 'failed', NoMatchingError: 'failed' }),
  };

  it('starts a queue-transfer contact with its working queue set', async () => {
    const transfer: Action[] = [toQueue, say('failed', 'error branch'), bye];
    const result = await run(transfer, { targetQueueArn: 'arn:queue/transfers' });
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'arn:queue/transfers' });
  });

  it('honours the flow type: a customer queue flow runs with the contact in its queue', async () => {
    const queueFlow: Action[] = [
      toQueue,
      say('failed', 'error branch'),
      { Identifier: 'end', Type: 'EndFlowExecution' },
    ];
    queueFlow[1]!.Transitions!.NextAction = 'end';
    const result = await run(queueFlow, {
      type: 'CUSTOMER_QUEUE',
      targetQueueArn: 'arn:queue/general',
    });
    expect(said(result.transcript)).toEqual(['error branch']);
    expect(result.transcript).toContainEqual(
      expect.objectContaining({
        message: 'TransferContactToQueue is not allowed in CUSTOMER_QUEUE flows',
      }),
    );
  });

  it('reports an unsupported action with its flow, its Identifier and the transcript up to it', async () => {
    const lex: Action = {
      Identifier: 'ask-bot',
      Type: 'ConnectParticipantWithLexBot',
      Transitions: onError('bye', 'bye'),
    };
    const error = await run([say('hello', 'Hello', 'ask-bot'), lex, bye]).catch((e) => e);
    expect(error).toBeInstanceOf(UnsupportedActionError);
    expect(error.message).toBe(
      'Flow own, action ask-bot, uses ConnectParticipantWithLexBot, which the local engine does not run',
    );
    expect(said(error.transcript)).toEqual(['Hello']);
  });
});
