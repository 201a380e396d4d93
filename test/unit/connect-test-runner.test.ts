import { Overrides } from '#local/connect-tests/overrides.ts';
import { runTestCase } from '#local/connect-tests/runner.ts';
import { includes, similarity } from '#local/connect-tests/similarity.ts';
import { InvalidTestCaseError, parseTestCase } from '#local/connect-tests/testing-language.ts';
import { stubFlowArn, stubResources } from '#local/flow-engine/stub-resources.ts';

/** A small inbound flow of our own: greet, look up the caller, check hours, a one-key menu. */
const next = (to: string, error = 'bye') => ({
  NextAction: to,
  Errors: [{ ErrorType: 'NoMatchingError', NextAction: error }],
});
const flow = {
  Version: '2019-10-30' as const,
  StartAction: 'greet',
  Actions: [
    {
      Identifier: 'greet',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Welcome to Example Corp.' },
      Transitions: next('lookup'),
    },
    {
      Identifier: 'lookup',
      Type: 'InvokeLambdaFunction',
      Parameters: { LambdaFunctionARN: '${LookupFnArn}', InvocationTimeLimitSeconds: '3' },
      Transitions: next('save', 'failed'),
    },
    {
      Identifier: 'save',
      Type: 'UpdateContactAttributes',
      Parameters: { Attributes: { tier: '$.External.tier', count: '3' } },
      Transitions: next('hours'),
    },
    {
      Identifier: 'hours',
      Type: 'CheckHoursOfOperation',
      Parameters: { HoursOfOperationId: '${HoursArn}' },
      Transitions: {
        ...next('closed', 'closed'),
        Conditions: [
          { NextAction: 'menu', Condition: { Operator: 'Equals', Operands: ['True'] } },
          { NextAction: 'closed', Condition: { Operator: 'Equals', Operands: ['False'] } },
        ],
      },
    },
    {
      Identifier: 'menu',
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Press 1 for sales.', InputTimeLimitSeconds: '5', StoreInput: 'False' },
      Transitions: {
        NextAction: 'bye',
        Errors: [
          { ErrorType: 'InputTimeLimitExceeded', NextAction: 'bye' },
          { ErrorType: 'NoMatchingCondition', NextAction: 'bye' },
          { ErrorType: 'NoMatchingError', NextAction: 'bye' },
        ],
        Conditions: [{ NextAction: 'sales', Condition: { Operator: 'Equals', Operands: ['1'] } }],
      },
    },
    {
      Identifier: 'sales',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Sales it is.' },
      Transitions: next('bye'),
    },
    {
      Identifier: 'closed',
      Type: 'MessageParticipant',
      Parameters: { Text: 'We are closed.' },
      Transitions: next('bye'),
    },
    {
      Identifier: 'failed',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Lookup failed.' },
      Transitions: next('bye'),
    },
    { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
};

const resources = () =>
  stubResources([{ id: 'example', type: 'CONTACT_FLOW', document: flow }], {
    lambdaResult: { tier: 'gold' },
  });

const observation = (Identifier: string, Event: unknown, Actions: unknown[] = [], extra = {}) => ({
  Identifier,
  Event,
  Actions,
  ...extra,
});
const message = (Text: string, MatchingCriteria = 'Inclusion', threshold?: number) => ({
  Type: 'MessageReceived',
  Actor: 'System',
  Properties: {
    Text,
    MatchingCriteria,
    ...(threshold !== undefined && { SimilarityThreshold: threshold }),
  },
});
const dtmf = (Value: string) => ({
  Type: 'SendInstruction',
  Parameters: { Actor: 'Customer', Instruction: { Type: 'DTMFInput', Properties: { Value } } },
});
const assert = (ComparisonValue: string, Operator: string, Operands: string[] = []) => ({
  Type: 'Assert',
  Parameters: { ComparisonValue, Condition: { Operator, Operands } },
});
const hoursMock = (Result: 'True' | 'False') => ({
  Type: 'OverrideSystemBehavior',
  Parameters: {
    Target: { ResourceType: 'HoursOfOperation', ResourceArn: '${HoursArn}' },
    MockResponse: { Result },
  },
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
      observation('start', { Type: 'TestInitiated' }),
      observation('greeting', message('Welcome to Example Corp')),
      observation('looked-up', {
        Type: 'FlowActionStarted',
        Properties: { FlowActionIdentifier: 'save' },
      }),
      observation('menu', message('press 1 for sales'), [dtmf('1')]),
      observation('sales', message('Sales it is.')),
      observation('end', { Type: 'TestCompleted' }, [
        assert('$.Attributes.tier', 'Equals', ['gold']),
      ]),
    ]);
    expect(result).toMatchObject({ passed: true, failures: [] });
    expect(result.observed).toEqual(['start', 'greeting', 'looked-up', 'menu', 'sales', 'end']);
  });

  it.each([
    ['Equals', ['3'], ['4']],
    ['TextStartsWith', ['3'], ['x']],
    ['TextEndsWith', ['3'], ['x']],
    ['TextContains', ['3'], ['x']],
    ['NumberGreaterThan', ['2'], ['3']],
    ['NumberGreaterOrEqualTo', ['3'], ['4']],
    ['NumberLessThan', ['4'], ['3']],
    ['NumberLessOrEqualTo', ['3'], ['2']],
  ])('asserts with %s: holds on %j, fails on %j', async (operator, holds, fails) => {
    const at = (actions: unknown[]) =>
      run([
        observation(
          'after-save',
          { Type: 'FlowActionStarted', Properties: { FlowActionType: 'CheckHoursOfOperation' } },
          actions,
        ),
      ]);
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
    expect(result.failures).toEqual(['menu: $.Attributes.none Exists [], but it is missing']);
  });

  it('matches by similarity at its threshold and not below it', async () => {
    const expected = 'Welcome to Exampel Corporation';
    const score = similarity('Welcome to Example Corp.', expected);
    expect(score).toBeGreaterThanOrEqual(0.7);
    expect(score).toBeLessThan(0.9);
    const at = (threshold: number) =>
      run([observation('greeting', message(expected, 'Similarity', threshold))]);
    expect((await at(score)).passed).toBe(true);
    expect((await at(score + 0.01)).failures).toEqual([
      `greeting: expected a message like "${expected}", but the contact ended`,
    ]);
    expect(similarity('Press 1, for SALES!', 'press 1 for sales')).toBe(1);
    expect(includes('Press 1 for sales.', 'for sales')).toBe(true);
    expect(includes('Press 1 for sales.', 'for sal')).toBe(false);
  });

  it('mocks hours of operation and maps ${Placeholder} ARNs onto the flow', async () => {
    const result = await run([
      observation('start', { Type: 'TestInitiated' }, [hoursMock('False')]),
      observation('closed', message('We are closed')),
    ]);
    expect(result.passed).toBe(true);
  });

  it('uses mock responses once each, first in first out per resource, then the resource itself', async () => {
    const base = resources();
    const overrides = new Overrides(base, (arn) => arn);
    for (const tier of ['silver', 'bronze'])
      overrides.add({
        Target: { ResourceType: 'LambdaFunction', ResourceArn: 'arn:fn' },
        MockResponse: { Response: { tier } },
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

  it('substitutes one resource for another every time', async () => {
    const base = resources();
    const overrides = new Overrides(base, (arn) => arn);
    overrides.add({
      Target: { ResourceType: 'Flow', ResourceArn: 'arn:other' },
      SubstituteResource: { ResourceArn: stubFlowArn('example') },
    });
    expect(overrides.resources.flows.get('arn:other')?.id).toBe('example');
    expect(overrides.resources.flows.get('arn:other')?.id).toBe('example');
  });

  it('mocks a failing Lambda: the flow takes its error branch', async () => {
    const result = await run([
      observation('start', { Type: 'TestInitiated' }, [
        {
          Type: 'OverrideSystemBehavior',
          Parameters: {
            Target: { ResourceType: 'LambdaFunction', ResourceArn: '${LookupFnArn}' },
            MockResponse: { Error: 'boom' },
          },
        },
      ]),
      observation('failed', message('Lookup failed')),
    ]);
    expect(result.passed).toBe(true);
  });

  it('follows Transitions to alternatives, repeats a Repeated observation, logs data and ends the test', async () => {
    const result = await run([
      observation('start', { Type: 'TestInitiated' }, [], {
        Transitions: { NextObservations: ['open', 'closed'] },
      }),
      observation('closed', message('We are closed'), [], {
        Transitions: { NextObservations: [] },
      }),
      observation('open', message('Press 1'), [dtmf('1')], {
        Transitions: { NextObservations: ['each-message', 'sales'] },
      }),
      observation(
        'each-message',
        { Type: 'FlowActionStarted', Properties: { FlowActionType: 'MessageParticipant' } },
        [
          {
            Type: 'TestControl',
            Parameters: { Command: 'LogData', Data: { tier: '$.Attributes.tier' } },
          },
        ],
        { Usage: 'Repeated' },
      ),
      observation('sales', message('Sales it is'), [
        { Type: 'TestControl', Parameters: { Command: 'EndTest' } },
      ]),
    ]);
    expect(result.passed).toBe(true);
    expect(result.observed).toEqual(['start', 'open', 'each-message', 'sales']);
    expect(result.logs).toEqual(['each-message: tier = "gold"']);
    expect(result.visited.at(-1)).toBe('example#sales');
  });

  it('fails a test whose observation never happens', async () => {
    const result = await run([observation('never', message('Goodbye forever'))]);
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      'never: expected a message with "Goodbye forever", but the contact ended',
    ]);
  });

  it.each([
    ['{ "Version": ', /^Not JSON/],
    ['{ "Version": "2019-10-30", "Observations": [] }', /Version/],
    [
      '{ "Version": "2025-06-21", "Observations": [{ "Identifier": "a", "Event": { "Type": "ParticipantConnected" } }] }',
      /event ParticipantConnected is not supported locally/,
    ],
    [
      '{ "Version": "2025-06-21", "Observations": [{ "Identifier": "a", "Event": { "Type": "TestInitiated" }, "Actions": [{ "Type": "SendInstruction", "Parameters": { "Instruction": { "Type": "TextInput" } } }] }] }',
      /instruction TextInput is not supported locally/,
    ],
    [
      '{ "Version": "2025-06-21", "Observations": [{ "Identifier": "a", "Event": { "Type": "TestInitiated" }, "Transitions": { "NextObservations": ["b"] } }] }',
      /No observation b/,
    ],
  ])('refuses %s with a clear error', (text, message) => {
    expect(() => parseTestCase(text)).toThrow(InvalidTestCaseError);
    expect(() => parseTestCase(text)).toThrow(message);
  });
});
