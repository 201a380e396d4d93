import * as z from 'zod';

/** An endpoint as Connect sends it: null, without an address, or with a null one (withheld). */
const EndpointSchema = z
  .object({ Address: z.string().nullish(), Type: z.string().nullish() })
  .loose()
  .nullish();

/**
 * The longest value a flow may pass in a parameter. Caller-typed values are digits (at most a
 * phone number with its prefix), flow-set ones are ids; anything longer is refused before a use
 * case can build a key from it (DynamoDB refuses sort keys over 1,024 bytes).
 */
export const MAX_PARAMETER_LENGTH = 100;

/** Connect contact ids are UUIDs; a bound keeps them usable in keys. */
export const MAX_CONTACT_ID_LENGTH = 128;

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
  Name: z.literal('ContactFlowEvent').optional(),
  Details: z.object({
    ContactData: z
      .object({
        ContactId: z.string().min(1).max(MAX_CONTACT_ID_LENGTH),
        InitialContactId: z.string().nullish(),
        PreviousContactId: z.string().nullish(),
        Channel: z.enum(['VOICE', 'CHAT', 'TASK', 'EMAIL']).or(z.string()).nullish(),
        InitiationMethod: z.string().nullish(),
        InstanceARN: z.string().nullish(),
        LanguageCode: z.string().nullish(),
        Attributes: z.record(z.string(), z.string().nullable()).nullish(),
        CustomerEndpoint: EndpointSchema,
        SystemEndpoint: EndpointSchema,
        Queue: z
          .union([
            z.string(),
            z.object({ ARN: z.string().nullish(), Name: z.string().nullish() }).loose(),
          ])
          .nullish(),
      })
      .loose(),
    Parameters: z.record(z.string(), z.string().max(MAX_PARAMETER_LENGTH)).default({}),
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
  .record(z.string().regex(/^[A-Za-z0-9_-]+$/), z.string())
  .refine((result) => Buffer.byteLength(JSON.stringify(result), 'utf8') < 32 * 1024, {
    message: 'Connect Lambda responses must be under 32 KB',
  });

export type ConnectResult = z.infer<typeof ConnectResultSchema>;
