import * as z from '#shared/zod.ts';

/** An endpoint as Connect sends it: null, without an address, or with a null one (withheld). */
const EndpointSchema = z.nullish(
  z.looseObject({ Address: z.nullish(z.string()), Type: z.nullish(z.string()) }),
);

/**
 * The longest value a flow may pass in a parameter. Caller-typed values are digits (at most a
 * phone number with its prefix), flow-set ones are ids; anything longer is refused before a use
 * case can build a key from it (DynamoDB refuses sort keys over 1,024 bytes).
 */
export const MAX_PARAMETER_LENGTH = 100;

/** Connect contact ids are UUIDs; a bound keeps them usable in keys. */
export const MAX_CONTACT_ID_LENGTH = 128;

/** The parameters a flow passes a Lambda: string values, each bounded. */
export const ConnectParametersSchema = z.record(
  z.string(),
  z.string().check(z.maxLength(MAX_PARAMETER_LENGTH)),
);

/**
 * The event Amazon Connect sends to a Lambda invoked from a contact flow
 * (InvokeLambdaFunction). Unknown fields and nulls are tolerated: real events carry
 * AwsRegion, SegmentAttributes, MediaStreams, null endpoints and addresses and null attribute
 * values (test/events/connect).
 *
 * @example
 * {
 *   "Name": "ContactFlowEvent",
 *   "Details": {
 *     "ContactData": { "ContactId": "4a57…", "Channel": "VOICE", "Attributes": {},
 *       "CustomerEndpoint": { "Address": "+254712345678", "Type": "TELEPHONE_NUMBER" },
 *       "InitiationMethod": "INBOUND", "InstanceARN": "arn:aws:connect:…" },
 *     "Parameters": { "applicationNumber": "12345678" }
 *   }
 * }
 * @see https://docs.aws.amazon.com/connect/latest/adminguide/connect-lambda-functions.html
 */
export const ConnectContactFlowEventSchema = z.object({
  Name: z.optional(z.literal('ContactFlowEvent')),
  Details: z.object({
    ContactData: z.looseObject({
      ContactId: z.string().check(z.minLength(1), z.maxLength(MAX_CONTACT_ID_LENGTH)),
      InitialContactId: z.nullish(z.string()),
      PreviousContactId: z.nullish(z.string()),
      Channel: z.nullish(z.union([z.enum(['VOICE', 'CHAT', 'TASK', 'EMAIL']), z.string()])),
      InitiationMethod: z.nullish(z.string()),
      InstanceARN: z.nullish(z.string()),
      LanguageCode: z.nullish(z.string()),
      Attributes: z.nullish(z.record(z.string(), z.nullable(z.string()))),
      CustomerEndpoint: EndpointSchema,
      SystemEndpoint: EndpointSchema,
      Queue: z.nullish(
        z.union([
          z.string(),
          z.looseObject({ ARN: z.nullish(z.string()), Name: z.nullish(z.string()) }),
        ]),
      ),
    }),
    Parameters: z._default(ConnectParametersSchema, {}),
  }),
});

export type ConnectContactFlowEvent = z.infer<typeof ConnectContactFlowEventSchema>;

/** What is wrong with a value a flow passed: `field` names it, `reason` says what is wrong. */
export interface InputProblem {
  readonly field: string;
  readonly reason: 'MISSING' | 'TOO_LONG';
}

interface SchemaIssue {
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[];
  readonly code?: string;
}

const issueProblem = ({ path = [], code }: SchemaIssue): InputProblem | undefined => {
  const [details, part, field, ...deeper] = path.map((segment) =>
    typeof segment === 'object' ? segment.key : segment,
  );
  if (details !== 'Details' || typeof field !== 'string' || deeper.length > 0) return undefined;
  const reason = code === 'too_big' ? 'TOO_LONG' : 'MISSING';
  if (part === 'ContactData' && field === 'ContactId') return { field, reason };
  // A parameter left out or of the wrong kind is a flow defect (error branch); an overlong
  // value is what a caller or the data put in it.
  return part === 'Parameters' && code === 'too_big' ? { field, reason } : undefined;
};

/**
 * The problem a failed parse of a Connect event reports, when it is one the contact can cause:
 * a parameter over MAX_PARAMETER_LENGTH, or a missing, empty or overlong ContactId (no
 * idempotent write is possible without it). Undefined for anything else.
 */
export const inputProblem = (issues: readonly SchemaIssue[]): InputProblem | undefined => {
  const problems = issues.map(issueProblem);
  return problems.every((problem) => problem !== undefined) ? problems[0] : undefined;
};

/** Connect's STRING_MAP response: flat, string values only, under 32 KB of UTF-8. */
export const ConnectResultSchema = z
  .record(z.string().check(z.regex(/^[A-Za-z0-9_-]+$/)), z.string())
  .check(
    z.refine((result) => Buffer.byteLength(JSON.stringify(result), 'utf8') < 32 * 1024, {
      message: 'Connect Lambda responses must be under 32 KB',
    }),
  );

export type ConnectResult = z.infer<typeof ConnectResultSchema>;
