import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Overrides } from '#local/connect-tests/overrides.ts';
import { runTestCase } from '#local/connect-tests/runner.ts';
import { includes, SIMILARITY_THRESHOLD, similarity } from '#local/connect-tests/similarity.ts';
import {
  actionsInOrder,
  InvalidTestCaseError,
  parseTestCase,
} from '#local/connect-tests/testing-language.ts';
import { stubFlowArn, stubResources } from '#local/flow-engine/stub-resources.ts';
import { onError, transitions } from '../support/flow-json.ts';

/** A small inbound flow of our own: greet, look up the caller, check hours, a one-key menu. */
const SALES_QUEUE = 'arn:aws:connect:af-south-1:000000000000:instance/stub/queue/sales';
const flow = {
  Version: '2019-10-30' as const,
  StartAction: 'greet',
  Actions: [
    {
      Identifier: 'greet',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Welcome to Example Corp.' },
      Transitions: onError('lookup'),
    },
    {
      Identifier: 'lookup',
      Type: 'InvokeLambdaFunction',
      Parameters: { LambdaFunctionARN: '${LookupFnArn}', InvocationTimeLimitSeconds: '3' },
      Transitions: onError('save', 'failed'),
    },
    {
      Identifier: 'save',
      Type: 'UpdateContactAttributes',
      Parameters: { Attributes: { tier: '$.External.tier', count: '3' } },
      Transitions: onError('hours'),
    },
    {
      Identifier: 'hours',
      Type: 'CheckHoursOfOperation',
      Parameters: { HoursOfOperationId: '${HoursArn}' },
      Transitions: transitions('closed', { NoMatchingError: 'closed' }, [
        ['True', 'menu'],
        ['False', 'closed'],
      ]),
    },
    {
      Identifier: 'menu',
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Press 1 for sales.', InputTimeLimitSeconds: '5', StoreInput: 'False' },
      Transitions: transitions(
        'bye',
        { InputTimeLimitExceeded: 'bye', NoMatchingCondition: 'bye', NoMatchingError: 'bye' },
        [['1', 'sales']],
      ),
    },
    {
      Identifier: 'sales',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Sales it is.' },
      Transitions: onError('sales-queue'),
    },
    {
      Identifier: 'sales-queue',
      Type: 'UpdateContactTargetQueue',
      Parameters: { QueueId: SALES_QUEUE },
      Transitions: onError('thanks'),
    },
    {
      Identifier: 'thanks',
      Type: 'MessageParticipant',
      Parameters: {
        Text: 'Thank you for calling. Your call will be answered in the order it was received.',
      },
      Transitions: onError('transfer'),
    },
    {
      Identifier: 'transfer',
      Type: 'TransferContactToQueue',
      Parameters: {},
      Transitions: transitions('bye', { QueueAtCapacity: 'full', NoMatchingError: 'bye' }),
    },
    {
      Identifier: 'full',
      Type: 'MessageParticipant',
      Parameters: { Text: 'All our lines are busy.' },
      Transitions: onError('bye'),
    },
    {
      Identifier: 'closed',
      Type: 'MessageParticipant',
      Parameters: { Text: 'We are closed.' },
      Transitions: onError('bye'),
    },
    {
      Identifier: 'failed',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Lookup failed.' },
      Transitions: onError('bye'),
    },
    { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
};

const resources = () =>
  stubResources([{ id: 'example', type: 'CONTACT_FLOW', document: flow }], {
    lambdaResult: { tier: 'gold' },
    queues: [{ id: SALES_QUEUE, name: 'Sales Queue' }],
  });

// Builders for the documented shapes (Amazon Connect API Reference, "Testing language").
const observation = (Identifier: string, Event: unknown, Actions: unknown[] = [], extra = {}) => ({
  Identifier,
  Event: { Identifier: `${Identifier}-event`, Actor: 'System', ...(Event as object) },
  Actions,
  ...extra,
});
const message = (Text: string, Type = 'Inclusion') => ({
  Type: 'MessageReceived',
  Properties: { Text, MatchingCriteria: { Type } },
});
const started = (ActionType: string, ActionParameters?: Record<string, string>) => ({
  Type: 'FlowActionStarted',
  Properties: { ActionType, ...(ActionParameters && { ActionParameters }) },
});
const dtmf = (Value: string) => ({
  Identifier: `dtmf-${Value}`,
  Type: 'SendInstruction',
  Parameters: {
    ActionType: 'SendInstruction',
    Actor: 'Customer',
    Instruction: { Type: 'DtmfInput', Properties: { Value } },
  },
  Transitions: {},
});
const assert = (Namespace: string, Operator: string, Operand?: string) => ({
  Identifier: `assert-${Namespace}`,
  Type: 'Assert',
  Parameters: { Namespace, Operator, ...(Operand !== undefined && { Operand }) },
  Transitions: {},
});
const override = (
  ActionType: string,
  ActionParameters: Record<string, string>,
  Strategy: unknown,
) => ({
  Identifier: `override-${ActionType}`,
  Type: 'OverrideSystemBehavior',
  Parameters: {
    ActionType: 'OverrideSystemBehavior',
    Behavior: { Type: 'FlowAction', Properties: { ActionType, ActionParameters, Strategy } },
  },
  Transitions: {},
});
const mock = (Response: unknown) => ({ Type: 'MockResponse', Response });
const hoursMock = (Value: 'InHours' | 'OutOfHours') =>
  override(
    'CheckHoursOfOperation',
    { HoursOfOperationId: '${HoursArn}' },
    mock({ Type: 'ExecutionResult', ExecutionResult: { Value } }),
  );
const control = (Command: unknown, Identifier = 'control') => ({
  Identifier,
  Type: 'TestControl',
  Parameters: { ActionType: 'TestControl', Command },
  Transitions: {},
});

const run = (observations: unknown[]) =>
  runTestCase(
    parseTestCase(JSON.stringify({ Version: '2025-06-21', Observations: observations })),
    {
      name: 'example',
      resources: resources(),
      flowArn: stubFlowArn('example'),
      contact: { startAt: new Date('2026-12-01T10:00:00+03:00') },
    },
  );

describe('Testing-language runner', () => {
  it('observes TestInitiated, messages, flow actions and TestCompleted, answering with DTMF', async () => {
    const result = await run([
      observation('start', { Type: 'TestInitiated', Properties: {} }),
      observation('greeting', message('Welcome to Example Corp')),
      observation(
        'looked-up',
        started('InvokeLambdaFunction', { LambdaFunctionARN: '${LookupFnArn}' }),
      ),
      observation('hours', started('CheckHoursOfOperation', { HoursOfOperationId: '${HoursArn}' })),
      observation('menu', message('press 1 for sales'), [dtmf('1')]),
      observation('sales', message('Sales it is.')),
      observation('queued', started('TransferContactToQueue', { QueueId: SALES_QUEUE }), [
        assert('$.Queue.Name', 'Equals', 'Sales Queue'),
      ]),
      observation('end', { Type: 'TestCompleted' }, [
        assert('$.Attributes.tier', 'Equals', 'gold'),
      ]),
    ]);
    expect(result).toMatchObject({ passed: true, failures: [] });
    expect(result.observed).toEqual([
      'start',
      'greeting',
      'looked-up',
      'hours',
      'menu',
      'sales',
      'queued',
      'end',
    ]);
  });

  it('matches FlowActionStarted only on the resource it names', async () => {
    const result = await run([
      observation(
        'other-lambda',
        started('InvokeLambdaFunction', { LambdaFunctionARN: 'arn:other' }),
      ),
    ]);
    expect(result.failures).toEqual([
      'other-lambda: expected InvokeLambdaFunction (arn:other) to start, but the contact ended',
    ]);
  });

  it.each([
    ['Equals', '3', '4'],
    ['TextStartsWith', '3', 'x'],
    ['TextEndsWith', '3', 'x'],
    ['TextContains', '3', 'x'],
    ['NumberGreaterThan', '2', '3'],
    ['NumberGreaterOrEqualTo', '3', '4'],
    ['NumberLessThan', '4', '3'],
    ['NumberLessOrEqualTo', '3', '2'],
  ])('asserts with %s: holds on %j, fails on %j', async (operator, holds, fails) => {
    const at = (actions: unknown[]) =>
      run([observation('after-save', started('CheckHoursOfOperation'), actions)]);
    expect((await at([assert('$.Attributes.count', operator, holds)])).passed).toBe(true);
    const failed = await at([assert('$.Attributes.count', operator, fails)]);
    expect(failed.passed).toBe(false);
    expect(failed.failures).toEqual([
      `after-save: $.Attributes.count ${operator} ${JSON.stringify(fails)}, but it is "3"`,
    ]);
  });

  it('asserts Exists: a value is there, a missing one fails', async () => {
    const result = await run([
      observation('menu', message('Press 1'), [
        assert('$.Attributes.tier', 'Exists'),
        assert('$.Attributes.none', 'Exists'),
      ]),
    ]);
    expect(result.failures).toEqual(['menu: $.Attributes.none Exists, but it is missing']);
  });

  it(`matches by similarity at ${SIMILARITY_THRESHOLD} and not below it`, async () => {
    const near = 'Welcome to Exampel Corp';
    const far = 'Welcome to Exampel Corporation';
    expect(similarity('Welcome to Example Corp.', near)).toBeGreaterThanOrEqual(
      SIMILARITY_THRESHOLD,
    );
    expect(similarity('Welcome to Example Corp.', far)).toBeLessThan(SIMILARITY_THRESHOLD);
    expect((await run([observation('greeting', message(near, 'Similarity'))])).passed).toBe(true);
    expect((await run([observation('greeting', message(far, 'Similarity'))])).failures).toEqual([
      `greeting: expected a message like "${far}", but the contact ended`,
    ]);
    expect(similarity('Press 1, for SALES!', 'press 1 for sales')).toBe(1);
    expect(includes('Press 1 for sales.', 'for sales')).toBe(true);
    expect(includes('Press 1 for sales.', 'for sal')).toBe(false);
  });

  it('mocks hours of operation (OutOfHours) and maps ${Placeholder} ARNs onto the flow', async () => {
    const result = await run([
      observation('start', { Type: 'TestInitiated' }, [hoursMock('OutOfHours')]),
      observation('closed', message('We are closed')),
    ]);
    expect(result.passed).toBe(true);
  });

  it('uses mock responses once each, first in first out per resource, then the resource itself', async () => {
    const base = resources();
    const overrides = new Overrides(base, (arn) => arn);
    for (const tier of ['silver', 'bronze'])
      overrides.add({
        ActionType: 'InvokeLambdaFunction',
        ActionParameters: { LambdaFunctionARN: 'arn:fn' },
        Strategy: {
          Type: 'MockResponse',
          Response: {
            Type: 'ExecutionResult',
            ExecutionResult: { LoadedData: JSON.stringify({ tier }) },
          },
        },
      });
    const invoke = async () => {
      const lambda = overrides.resources.lambdas.get('arn:fn');
      return lambda ? lambda.handler({}, {} as never) : base.stubs?.lambda({}, {} as never);
    };
    expect([await invoke(), await invoke(), await invoke()]).toEqual([
      { tier: 'silver' },
      { tier: 'bronze' },
      { tier: 'gold' },
    ]);
  });

  it('substitutes one resource for another every time (SubstituteResource)', async () => {
    const closedHours = { timeZone: 'UTC', weekly: [], closedDates: [] };
    const withHours = { ...resources(), hours: new Map([['arn:closed-hours', closedHours]]) };
    const test = (Strategy: unknown) =>
      runTestCase(
        parseTestCase(
          JSON.stringify({
            Version: '2025-06-21',
            Observations: [
              observation('start', { Type: 'TestInitiated' }, [
                override('CheckHoursOfOperation', { HoursOfOperationId: '${HoursArn}' }, Strategy),
              ]),
              observation('closed', message('We are closed')),
            ],
          }),
        ),
        { name: 'substitute', resources: withHours, flowArn: stubFlowArn('example') },
      );
    expect(
      (await test({ Type: 'SubstituteResource', SubstituteArn: 'arn:closed-hours' })).passed,
    ).toBe(true);
    const overrides = new Overrides(resources(), (arn) => arn);
    overrides.add({
      ActionType: 'TransferContactToQueue',
      ActionParameters: { QueueId: 'arn:other-queue' },
      Strategy: { Type: 'SubstituteResource', SubstituteArn: SALES_QUEUE },
    });
    expect(overrides.resources.queues.get('arn:other-queue')?.name).toBe('Sales Queue');
    expect(overrides.resources.queues.get('arn:other-queue')?.name).toBe('Sales Queue');
  });

  it('mocks a failing Lambda (Error TimeLimitExceeded): the flow takes its error branch', async () => {
    const result = await run([
      observation('start', { Type: 'TestInitiated' }, [
        override(
          'InvokeLambdaFunction',
          { LambdaFunctionARN: '${LookupFnArn}' },
          mock({ Type: 'Error', Error: { Value: 'TimeLimitExceeded' } }),
        ),
      ]),
      observation('failed', message('Lookup failed')),
    ]);
    expect(result.passed).toBe(true);
  });

  it('mocks a full queue (Error QueueAtCapacity): the transfer takes that branch', async () => {
    const result = await run([
      observation('start', { Type: 'TestInitiated' }, [
        override(
          'TransferContactToQueue',
          { QueueId: SALES_QUEUE },
          mock({ Type: 'Error', Error: { Value: 'QueueAtCapacity' } }),
        ),
      ]),
      observation('menu', message('Press 1'), [dtmf('1')]),
      observation('full', message('All our lines are busy')),
    ]);
    expect(result).toMatchObject({ passed: true, observed: ['start', 'menu', 'full'] });
  });

  it('runs actions by NextAction, follows Transitions to alternatives and ends the test', async () => {
    const result = await run([
      observation('start', { Type: 'TestInitiated' }, [], {
        Transitions: { NextObservations: ['open', 'closed'] },
      }),
      observation('closed', message('We are closed'), [], {
        Transitions: { NextObservations: [] },
      }),
      observation('open', message('Press 1'), [dtmf('1')], {
        Transitions: { NextObservations: ['sales'] },
      }),
      observation('sales', message('Sales it is'), [
        { ...control({ Type: 'EndTest' }, 'end'), Transitions: {} },
        { ...assert('$.Attributes.tier', 'Equals', 'silver'), Transitions: { NextAction: 'end' } },
      ]),
    ]);
    // The assertion listed second ran first (its NextAction is the EndTest) and failed.
    expect(result.failures).toEqual(['sales: $.Attributes.tier Equals "silver", but it is "gold"']);
    expect(result.observed).toEqual(['start', 'open', 'sales']);
    expect(result.visited.at(-1)).toBe('example#sales');
  });

  it('observes a Usage ANY observation again at every later matching event, logging data each time', async () => {
    // "it" is in two messages after the menu: "Sales it is." and "... the order it was received."
    const result = await run([
      observation('menu', message('Press 1'), [dtmf('1')]),
      observation(
        'each-it',
        message('it'),
        [
          control({
            Type: 'LogData',
            Properties: { Expressions: { tier: '$.Attributes.tier', queue: '$.Queue.Name' } },
          }),
        ],
        { Usage: { Type: 'ANY' } },
      ),
      observation('queued', started('TransferContactToQueue')),
    ]);
    expect(result).toMatchObject({
      passed: true,
      observed: ['menu', 'each-it', 'each-it', 'queued'],
    });
    expect(result.logs).toEqual([
      'each-it: tier = "gold"',
      'each-it: queue = null',
      'each-it: tier = "gold"',
      'each-it: queue = "Sales Queue"',
    ]);
  });

  it('observes an EXACTLY observation the given Times before moving on', async () => {
    // "it" is in two messages after the menu: "Sales it is." and "... the order it was received."
    const times = (Times: number) =>
      run([
        observation('menu', message('Press 1'), [dtmf('1')]),
        observation('it', message('it'), [], { Usage: { Type: 'EXACTLY', Times } }),
        observation('queued', started('TransferContactToQueue')),
      ]);
    expect(await times(2)).toMatchObject({
      passed: true,
      observed: ['menu', 'it', 'it', 'queued'],
    });
    expect((await times(3)).failures).toEqual([
      'it: expected a message with "it", but the contact ended',
    ]);
  });

  it('hangs up for the customer on a Disconnect instruction', async () => {
    const result = await run([
      observation('menu', message('Press 1'), [
        {
          Identifier: 'hang-up',
          Type: 'SendInstruction',
          Parameters: {
            ActionType: 'SendInstruction',
            Actor: 'Customer',
            Instruction: { Type: 'Disconnect' },
          },
        },
      ]),
      observation('end', { Type: 'TestCompleted' }, [assert('$.Attributes.count', 'Equals', '3')]),
    ]);
    expect(result).toMatchObject({ passed: true, observed: ['menu', 'end'] });
    expect(result.visited).not.toContain('example#sales');
  });

  it('fails a test whose observation never happens', async () => {
    const result = await run([observation('never', message('Goodbye forever'))]);
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      'never: expected a message with "Goodbye forever", but the contact ended',
    ]);
  });

  it("accepts AWS's published example test (JSON-corrected)", () => {
    const test = parseTestCase(
      readFileSync(
        join(import.meta.dirname, '..', 'fixtures', 'connect-test-cases', 'aws-example.json'),
        'utf8',
      ),
    );
    expect(test.Observations.map((o) => o.Identifier)).toEqual([
      'TriggerHoursCheck',
      'Welcome Message',
      'Trigger Queue Announcement',
    ]);
    expect(actionsInOrder(test.Observations[2]!).map((a) => a.Type)).toEqual([
      'Assert',
      'TestControl',
    ]);
  });

  it.each([
    ['{ "Version": ', /^Not JSON/],
    [
      '{ "Version": "2024-01-01", "Observations": [{ "Identifier": "a", "Event": { "Type": "TestInitiated" } }] }',
      /Version/,
    ],
    [
      '{ "Version": "2025-06-21", "Observations": [{ "Identifier": "a", "Event": { "Type": "ParticipantConnected" } }] }',
      /event ParticipantConnected is not supported locally/,
    ],
    [
      '{ "Version": "2025-06-21", "Observations": [{ "Identifier": "a", "Event": { "Type": "TestInitiated" }, "Actions": [{ "Type": "SendInstruction", "Parameters": { "Instruction": { "Type": "TextUtterance" } } }] }] }',
      /instruction TextUtterance is not supported locally/,
    ],
    [
      '{ "Version": "2025-06-21", "Observations": [{ "Identifier": "a", "Event": { "Type": "TestInitiated" }, "Transitions": { "NextObservations": ["b"] } }] }',
      /No observation b/,
    ],
    [
      '{ "Version": "2025-06-21", "Observations": [{ "Identifier": "a", "Event": { "Type": "TestInitiated" }, "Actions": [{ "Identifier": "x", "Type": "TestControl", "Parameters": { "Command": { "Type": "EndTest" } }, "Transitions": { "NextAction": "y" } }] }] }',
      /No action y/,
    ],
    [
      '{ "Version": "2025-06-21", "Observations": [{ "Identifier": "a", "Event": { "Type": "TestInitiated" }, "Actions": [{ "Type": "Assert", "Parameters": { "Namespace": "$.Queue.Name", "Operator": "Equals" } }] }] }',
      /needs an Operand/,
    ],
  ])('refuses %s with a clear error', (text, message) => {
    expect(() => parseTestCase(text)).toThrow(InvalidTestCaseError);
    expect(() => parseTestCase(text)).toThrow(message);
  });
});
