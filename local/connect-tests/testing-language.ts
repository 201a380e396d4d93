import { z } from 'zod';

/**
 * Amazon Connect's Testing language (Version 2025-06-21), the subset the local runner supports
 * (docs/connect-test-cases.md): observations of events, each with actions to take when it is seen.
 */
export const TESTING_LANGUAGE_VERSION = '2025-06-21';

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

const MessageReceived = z.strictObject({
  Type: z.literal('MessageReceived'),
  Actor: z.literal('System').optional(),
  Properties: z.strictObject({
    Text: z.string().min(1),
    /** Inclusion: the message contains the text; Similarity: it reads alike (similarity.ts). */
    MatchingCriteria: z.enum(['Inclusion', 'Similarity']).default('Inclusion'),
    SimilarityThreshold: z.number().min(0).max(1).optional(),
  }),
});

const FlowActionStarted = z.strictObject({
  Type: z.literal('FlowActionStarted'),
  Properties: z
    .strictObject({
      FlowId: z.string().optional(),
      FlowActionIdentifier: z.string().optional(),
      FlowActionType: z.string().optional(),
    })
    .refine((p) => Object.keys(p).length > 0, 'FlowActionStarted needs a property to match'),
});

export const EventSchema = z.discriminatedUnion('Type', [
  z.strictObject({ Type: z.literal('TestInitiated') }),
  z.strictObject({ Type: z.literal('TestCompleted') }),
  MessageReceived,
  FlowActionStarted,
]);

const SendInstruction = z.strictObject({
  Identifier: z.string().optional(),
  Type: z.literal('SendInstruction'),
  Parameters: z.strictObject({
    Actor: z.literal('Customer').default('Customer'),
    Instruction: z.strictObject({
      Type: z.literal('DTMFInput'),
      Properties: z.strictObject({ Value: z.string().regex(/^[0-9*#]*$/) }),
    }),
  }),
});

const ResourceType = z.enum(['LambdaFunction', 'HoursOfOperation', 'Queue', 'Flow']);
const OverrideSystemBehavior = z.strictObject({
  Identifier: z.string().optional(),
  Type: z.literal('OverrideSystemBehavior'),
  Parameters: z
    .strictObject({
      Target: z.strictObject({ ResourceType, ResourceArn: z.string().min(1) }),
      SubstituteResource: z.strictObject({ ResourceArn: z.string().min(1) }).optional(),
      MockResponse: z
        .strictObject({
          /** A Lambda's flat response. */
          Response: z.record(z.string(), z.string()).optional(),
          /** A Lambda that fails (the action's error branch). */
          Error: z.string().optional(),
          /** Hours of operation: "True" (open) or "False" (closed). */
          Result: z.enum(['True', 'False']).optional(),
        })
        .optional(),
    })
    .refine(
      (p) => (p.SubstituteResource === undefined) !== (p.MockResponse === undefined),
      'OverrideSystemBehavior takes SubstituteResource or MockResponse, not both or neither',
    ),
});

const Assert = z.strictObject({
  Identifier: z.string().optional(),
  Type: z.literal('Assert'),
  Parameters: z.strictObject({
    /** A JSONPath into the flow data ($.Attributes.lang, $.External.outcome, $.Channel, …). */
    ComparisonValue: z.string().startsWith('$.'),
    Condition: z.strictObject({
      Operator: z.enum(ASSERT_OPERATORS),
      Operands: z.array(z.string()).default([]),
    }),
  }),
});

const TestControl = z.strictObject({
  Identifier: z.string().optional(),
  Type: z.literal('TestControl'),
  Parameters: z.discriminatedUnion('Command', [
    z.strictObject({ Command: z.literal('EndTest') }),
    /** Data: labels and the JSONPath (or text) each logs. */
    z.strictObject({ Command: z.literal('LogData'), Data: z.record(z.string(), z.string()) }),
  ]),
});

export const TestActionSchema = z.discriminatedUnion('Type', [
  SendInstruction,
  OverrideSystemBehavior,
  Assert,
  TestControl,
]);

export const ObservationSchema = z.strictObject({
  Identifier: z.string().min(1),
  Event: EventSchema,
  Actions: z.array(TestActionSchema).default([]),
  /** Once (default): observed once. Repeated: observed again each time its event happens. */
  Usage: z.enum(['Once', 'Repeated']).default('Once'),
  /** The observations that may come next (alternatives); the next in the list when omitted. */
  Transitions: z.strictObject({ NextObservations: z.array(z.string()) }).optional(),
});

export const TestCaseSchema = z
  .strictObject({
    Version: z.literal(TESTING_LANGUAGE_VERSION),
    Metadata: z.record(z.string(), z.unknown()).optional(),
    Observations: z.array(ObservationSchema).min(1),
  })
  .superRefine((test, context) => {
    const ids = new Set(test.Observations.map((o) => o.Identifier));
    if (ids.size !== test.Observations.length)
      context.addIssue({ code: 'custom', message: 'Observation Identifiers must be unique' });
    for (const observation of test.Observations)
      for (const next of observation.Transitions?.NextObservations ?? [])
        if (!ids.has(next))
          context.addIssue({
            code: 'custom',
            path: ['Observations', observation.Identifier, 'Transitions'],
            message: `No observation ${next}`,
          });
  });

export type TestCase = z.infer<typeof TestCaseSchema>;
export type Observation = z.infer<typeof ObservationSchema>;
export type TestEvent = z.infer<typeof EventSchema>;
export type TestAction = z.infer<typeof TestActionSchema>;
export type Override = Extract<TestAction, { Type: 'OverrideSystemBehavior' }>['Parameters'];

const SUPPORTED = {
  event: EventSchema.options.map((option) => option.shape.Type.value),
  action: TestActionSchema.options.map((option) => option.shape.Type.value),
};

/** An invalid test case file, or one using a construct the local runner does not support. */
export class InvalidTestCaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTestCaseError';
  }
}

/** Names a construct outside the supported subset before zod's generic messages would. */
const unsupportedConstruct = (json: unknown): string | undefined => {
  const observations = (json as { Observations?: unknown })?.Observations;
  if (!Array.isArray(observations)) return undefined;
  for (const [index, observation] of observations.entries()) {
    const event = (observation as { Event?: { Type?: unknown } })?.Event?.Type;
    if (typeof event === 'string' && !SUPPORTED.event.includes(event as never))
      return `Observations[${index}]: event ${event} is not supported locally (supported: ${SUPPORTED.event.join(', ')})`;
    const actions = (observation as { Actions?: unknown })?.Actions;
    for (const action of Array.isArray(actions) ? actions : []) {
      const type = (action as { Type?: unknown })?.Type;
      if (typeof type === 'string' && !SUPPORTED.action.includes(type as never))
        return `Observations[${index}]: action ${type} is not supported locally (supported: ${SUPPORTED.action.join(', ')})`;
      const instruction = (action as { Parameters?: { Instruction?: { Type?: unknown } } })
        ?.Parameters?.Instruction?.Type;
      if (type === 'SendInstruction' && instruction !== 'DTMFInput')
        return `Observations[${index}]: instruction ${String(instruction)} is not supported locally (supported: DTMFInput)`;
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
