import { z } from 'zod';

const EndpointSchema = z
  .object({ Address: z.string(), Type: z.string() })
  .loose()
  .nullable()
  .optional();

/**
 * The event Amazon Connect sends to a Lambda invoked from a contact flow
 * (InvokeLambdaFunction). Unknown fields and nulls are tolerated: real events carry
 * AwsRegion, SegmentAttributes, MediaStreams and null endpoints.
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
        ContactId: z.string().min(1),
        InitialContactId: z.string().nullish(),
        PreviousContactId: z.string().nullish(),
        Channel: z.enum(['VOICE', 'CHAT', 'TASK', 'EMAIL']).or(z.string()).nullish(),
        InitiationMethod: z.string().nullish(),
        InstanceARN: z.string().nullish(),
        LanguageCode: z.string().nullish(),
        Attributes: z.record(z.string(), z.string()).nullish(),
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
    Parameters: z.record(z.string(), z.string()).default({}),
  }),
});

export type ConnectContactFlowEvent = z.infer<typeof ConnectContactFlowEventSchema>;

/** Connect's STRING_MAP response: flat, string values only, under 32 KB of UTF-8. */
export const ConnectResultSchema = z
  .record(z.string().regex(/^[A-Za-z0-9_-]+$/), z.string())
  .refine((result) => Buffer.byteLength(JSON.stringify(result), 'utf8') < 32 * 1024, {
    message: 'Connect Lambda responses must be under 32 KB',
  });

export type ConnectResult = z.infer<typeof ConnectResultSchema>;
