import * as z from '#shared/zod.ts';

/**
 * Amazon Connect's Testing language, in the shape AWS documents it (Amazon Connect API
 * Reference, "Testing language": observations, events, actions), the subset the local runner
 * supports (docs/connect-test-cases.md). AWS's pages give the version as 2025-06-21 in one
 * place and 2019-10-30 in another; both are accepted.
 */
export const TESTING_LANGUAGE_VERSIONS = ['2025-06-21', '2019-10-30'] as const;

export const ASSERT_OPERATORS = [
  'Equals',
  'TextStartsWith',
  'TextEndsWith',
  'TextContains',
  'NumberGreaterThan',
  'NumberGreaterOrEqualTo',
  'NumberLessThan',
  'NumberLessOrEqualTo',
  'Exists',
] as const;

const MATCHING = ['Inclusion', 'Similarity'] as const;
/** `{ "Type": "Similarity" }` on the reference page; a bare string in one published example. */
const MatchingCriteria = z.union([
  z.strictObject({ Type: z.enum(MATCHING) }),
  z.pipe(
    z.enum(MATCHING),
    z.transform((Type) => ({ Type })),
  ),
]);

const eventBase = {
  Identifier: z.optional(z.string()),
  Actor: z.optional(z.literal('System')),
};

const MessageReceived = z.pipe(
  z
    .strictObject({
      ...eventBase,
      Type: z.literal('MessageReceived'),
      Properties: z.strictObject({
        Text: z.optional(z.string().check(z.minLength(1))),
        SSML: z.optional(z.string().check(z.minLength(1))),
        PromptId: z.optional(z.string().check(z.minLength(1))),
        /** Inclusion (default): the message contains the text; Similarity: it reads alike (similarity.ts). */
        MatchingCriteria: z.optional(MatchingCriteria),
      }),
      MatchingCriteria: z.optional(MatchingCriteria),
    })
    .check(
      z.refine(
        (event) => event.Properties.Text !== undefined,
        'MessageReceived: only Text is matched locally (SSML and PromptId are not supported)',
      ),
    ),
  z.transform(({ MatchingCriteria: outer, ...event }) => ({
    ...event,
    Properties: {
      Text: event.Properties.Text!,
      Matching: (event.Properties.MatchingCriteria ?? outer)?.Type ?? 'Inclusion',
    },
  })),
);

/**
 * The flow action types FlowActionStarted and OverrideSystemBehavior document, each with the
 * `ActionParameters` that say which block (a Lambda, hours, a queue). Lex bots do not run here.
 */
const FLOW_ACTION_TYPES = [
  'InvokeLambdaFunction',
  'CheckHoursOfOperation',
  'TransferContactToQueue',
  'DequeueAndTransferToQueue',
  'ConnectParticipantWithLexBot',
] as const;
export type FlowActionType = (typeof FLOW_ACTION_TYPES)[number];

const ActionParameters = z.optional(
  z.strictObject({
    LambdaFunctionARN: z.optional(z.string().check(z.minLength(1))),
    HoursOfOperationId: z.optional(z.string().check(z.minLength(1))),
    QueueId: z.optional(z.string().check(z.minLength(1))),
    AgentId: z.optional(z.string().check(z.minLength(1))),
  }),
);

const FlowActionStarted = z.strictObject({
  ...eventBase,
  Type: z.literal('FlowActionStarted'),
  Properties: z.strictObject({
    ActionType: z.enum(FLOW_ACTION_TYPES),
    ActionParameters,
  }),
});

const Plain = <T extends string>(type: T) =>
  z.strictObject({
    ...eventBase,
    Type: z.literal(type),
    Properties: z.optional(z.strictObject({})),
  });

export const EventSchema = z.union([
  Plain('TestInitiated'),
  Plain('TestCompleted'),
  MessageReceived,
  FlowActionStarted,
]);

/** Every action: an Identifier, its Type (echoed as Parameters.ActionType), and the next action. */
const action = <T extends string, P extends z.core.$ZodShape>(type: T, parameters: P) =>
  z.strictObject({
    Identifier: z.optional(z.string()),
    Type: z.literal(type),
    Parameters: z.strictObject({ ActionType: z.optional(z.literal(type)), ...parameters }),
    Transitions: z.optional(z.strictObject({ NextAction: z.optional(z.string()) })),
  });

const SendInstruction = action('SendInstruction', {
  Actor: z._default(z.literal('Customer'), 'Customer'),
  Instruction: z.discriminatedUnion('Type', [
    z.strictObject({
      Type: z.literal('DtmfInput'),
      Properties: z.strictObject({
        Value: z.union([
          z.string().check(z.regex(/^[0-9*#]*$/)),
          z.number().check(z.int(), z.nonnegative()),
        ]),
      }),
    }),
    z.strictObject({ Type: z.literal('Disconnect') }),
  ]),
});

const MockResponse = z.strictObject({
  Type: z.literal('MockResponse'),
  Response: z.discriminatedUnion('Type', [
    z.strictObject({
      Type: z.literal('ExecutionResult'),
      ExecutionResult: z.strictObject({
        DelaySeconds: z.optional(z.number().check(z.nonnegative())),
        /** A Lambda's answer: serialized JSON of a flat map. */
        LoadedData: z.optional(z.string()),
        /** Hours of operation: InHours or OutOfHours. */
        Value: z.optional(z.enum(['InHours', 'OutOfHours'])),
      }),
    }),
    z.strictObject({
      Type: z.literal('Error'),
      Error: z.strictObject({
        DelaySeconds: z.optional(z.number().check(z.nonnegative())),
        Value: z.enum(['TimeLimitExceeded', 'NoMatchingError', 'QueueAtCapacity']),
      }),
    }),
  ]),
});
const SubstituteResource = z.strictObject({
  Type: z.literal('SubstituteResource'),
  SubstituteArn: z.string().check(z.minLength(1)),
});

const OverrideSystemBehavior = action('OverrideSystemBehavior', {
  Behavior: z.strictObject({
    Type: z.literal('FlowAction'),
    Properties: z.strictObject({
      ActionType: z.enum(FLOW_ACTION_TYPES),
      ActionParameters,
      Strategy: z.discriminatedUnion('Type', [SubstituteResource, MockResponse]),
    }),
  }),
});

const Assert = action('Assert', {
  /** A JSONPath into the flow data ($.Attributes.lang, $.External.outcome, $.Queue.Name, …). */
  Namespace: z.string().check(z.startsWith('$.')),
  Operator: z.enum(ASSERT_OPERATORS),
  /** Not needed for Exists. */
  Operand: z.optional(z.union([z.string(), z.number()])),
}).check(
  z.refine(
    ({ Parameters: p }) => p.Operator === 'Exists' || p.Operand !== undefined,
    'Assert needs an Operand unless its Operator is Exists',
  ),
);

const TestControl = action('TestControl', {
  Command: z.discriminatedUnion('Type', [
    z.strictObject({ Type: z.literal('EndTest') }),
    z.strictObject({
      Type: z.literal('LogData'),
      /** Labels and the JSONPath each logs. */
      Properties: z.strictObject({ Expressions: z.record(z.string(), z.string()) }),
    }),
  ]),
});

export const TestActionSchema = z.union([
  SendInstruction,
  OverrideSystemBehavior,
  Assert,
  TestControl,
]);

export const ObservationSchema = z.strictObject({
  Identifier: z.string().check(z.minLength(1)),
  Event: EventSchema,
  Actions: z._default(z.array(TestActionSchema), []),
  /**
   * EXACTLY (default): observed `Times` times (default 1) before the test moves on. ANY: once
   * observed, observed again at every later matching event.
   */
  Usage: z._default(
    z.strictObject({
      Type: z.enum(['EXACTLY', 'ANY']),
      Times: z.optional(z.number().check(z.int(), z.positive())),
    }),
    { Type: 'EXACTLY' },
  ),
  /** The observations that may come next (alternatives); the next in the list when omitted. */
  Transitions: z.optional(z.strictObject({ NextObservations: z.array(z.string()) })),
});

export const TestCaseSchema = z
  .strictObject({
    Version: z.enum(TESTING_LANGUAGE_VERSIONS),
    Metadata: z.optional(z.record(z.string(), z.unknown())),
    Observations: z.array(ObservationSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((test, context) => {
      const ids = new Set(test.Observations.map((o) => o.Identifier));
      if (ids.size !== test.Observations.length)
        context.addIssue({ code: 'custom', message: 'Observation Identifiers must be unique' });
      for (const observation of test.Observations) {
        for (const next of observation.Transitions?.NextObservations ?? [])
          if (!ids.has(next))
            context.addIssue({
              code: 'custom',
              path: ['Observations', observation.Identifier, 'Transitions'],
              message: `No observation ${next}`,
            });
        const actionIds = new Set(observation.Actions.map((a) => a.Identifier));
        for (const { Transitions } of observation.Actions)
          if (Transitions?.NextAction && !actionIds.has(Transitions.NextAction))
            context.addIssue({
              code: 'custom',
              path: ['Observations', observation.Identifier, 'Actions'],
              message: `No action ${Transitions.NextAction}`,
            });
      }
    }),
  );

export type TestCase = z.infer<typeof TestCaseSchema>;
export type Observation = z.infer<typeof ObservationSchema>;
export type TestEvent = z.infer<typeof EventSchema>;
export type TestAction = z.infer<typeof TestActionSchema>;
export type Override = Extract<
  TestAction,
  { Type: 'OverrideSystemBehavior' }
>['Parameters']['Behavior']['Properties'];

const SUPPORTED = {
  event: ['TestInitiated', 'TestCompleted', 'MessageReceived', 'FlowActionStarted'],
  action: ['SendInstruction', 'OverrideSystemBehavior', 'Assert', 'TestControl'],
  instruction: ['DtmfInput', 'Disconnect'],
};

/** An invalid test case file, or one using a construct the local runner does not support. */
export class InvalidTestCaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTestCaseError';
  }
}

/** The value at a path of plain JSON, or undefined. */
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
    value,
  );
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Names a construct outside the supported subset before zod's generic messages would. */
const unsupportedConstruct = (json: unknown): string | undefined => {
  for (const [index, observation] of list(at(json, 'Observations')).entries()) {
    const where = `Observations[${index}]`;
    const event = String(at(observation, 'Event', 'Type'));
    if (at(observation, 'Event', 'Type') !== undefined && !SUPPORTED.event.includes(event))
      return `${where}: event ${event} is not supported locally (supported: ${SUPPORTED.event.join(', ')})`;
    for (const action of list(at(observation, 'Actions'))) {
      const type = at(action, 'Type');
      if (typeof type === 'string' && !SUPPORTED.action.includes(type))
        return `${where}: action ${type} is not supported locally (supported: ${SUPPORTED.action.join(', ')})`;
      const instruction = String(at(action, 'Parameters', 'Instruction', 'Type'));
      if (type === 'SendInstruction' && !SUPPORTED.instruction.includes(instruction))
        return `${where}: instruction ${instruction} is not supported locally (supported: ${SUPPORTED.instruction.join(', ')}; no Lex bot runs here)`;
      const flowAction = at(action, 'Parameters', 'Behavior', 'Properties', 'ActionType');
      if (type === 'OverrideSystemBehavior' && flowAction === 'ConnectParticipantWithLexBot')
        return `${where}: overriding ConnectParticipantWithLexBot is not supported locally (no Lex bot runs here)`;
    }
  }
  return undefined;
};

/** Parses a test case file's text: a clear error for invalid JSON, a wrong shape or an unsupported construct. */
export const parseTestCase = (text: string): TestCase => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidTestCaseError(`Not JSON: ${(error as Error).message}`);
  }
  const unsupported = unsupportedConstruct(json);
  if (unsupported) throw new InvalidTestCaseError(unsupported);
  const parsed = TestCaseSchema.safeParse(json);
  if (!parsed.success)
    throw new InvalidTestCaseError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  return parsed.data;
};

/** The actions of an observation in the order they run: from the first, by NextAction, else in order. */
export const actionsInOrder = (observation: Observation): TestAction[] => {
  const { Actions: actions } = observation;
  const ordered: TestAction[] = [];
  let index = 0;
  while (index >= 0 && index < actions.length && !ordered.includes(actions[index]!)) {
    const current = actions[index]!;
    ordered.push(current);
    const next = current.Transitions?.NextAction;
    index = next ? actions.findIndex((a) => a.Identifier === next) : index + 1;
  }
  return ordered;
};
