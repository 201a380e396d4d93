import * as z from '#shared/zod.ts';

/** Connect writes UTC times to the second (`2022-04-08T15:01:54Z`); offsets and fractions are tolerated. */
const Timestamp = z.iso.datetime({ offset: true });
/** Whole seconds; absent or null when the phase did not happen. */
const Seconds = z.nullish(z.number().check(z.nonnegative()));

/**
 * A contact trace record as Amazon Connect streams it to Kinesis (one JSON object per record).
 * Only the fields the platform reads are named; everything else (Recordings, MediaStreams,
 * SegmentAttributes, Tags, VoiceIdResult …) passes through, and any field may be null.
 *
 * @example
 * { "ContactId": "15a5cf14-…", "Channel": "VOICE", "InitiationMethod": "INBOUND",
 *   "InitiationTimestamp": "2022-04-08T14:59:38Z", "LastUpdateTimestamp": "2022-04-08T15:03:02Z",
 *   "Queue": { "Name": "BasicQueue", "Duration": 7, … },
 *   "Agent": { "Username": "admin1", "AgentInteractionDuration": 33, … },
 *   "Attributes": { "lang": "en", "journey": ",tracking,tracking:FOUND" } }
 * @see https://docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html
 */
export const ContactTraceRecordSchema = z.looseObject({
  ContactId: z.string().check(z.minLength(1)),
  InitialContactId: z.nullish(z.string()),
  PreviousContactId: z.nullish(z.string()),
  NextContactId: z.nullish(z.string()),
  /** VOICE, CHAT, TASK, EMAIL; an open string, as Connect adds channels. */
  Channel: z.string().check(z.minLength(1)),
  /** INBOUND, OUTBOUND, TRANSFER, QUEUE_TRANSFER, CALLBACK, API, …; an open string. */
  InitiationMethod: z.nullish(z.string()),
  InitiationTimestamp: Timestamp,
  ConnectedToSystemTimestamp: z.nullish(Timestamp),
  DisconnectTimestamp: z.nullish(Timestamp),
  /** The record's version: a newer record of a contact has a later LastUpdateTimestamp. */
  LastUpdateTimestamp: Timestamp,
  /** CUSTOMER_DISCONNECT, AGENT_DISCONNECT, CONTACT_FLOW_DISCONNECT, …; an open string. */
  DisconnectReason: z.nullish(z.string()),
  Queue: z.nullish(
    z.looseObject({
      Name: z.nullish(z.string()),
      ARN: z.nullish(z.string()),
      EnqueueTimestamp: z.nullish(Timestamp),
      DequeueTimestamp: z.nullish(Timestamp),
      /** Dequeue − Enqueue: the wait in queue. */
      Duration: Seconds,
    }),
  ),
  /** Present only when an agent was connected. */
  Agent: z.nullish(
    z.looseObject({
      Username: z.nullish(z.string()),
      ConnectedToAgentTimestamp: z.nullish(Timestamp),
      AgentInteractionDuration: Seconds,
      CustomerHoldDuration: Seconds,
      AfterContactWorkDuration: Seconds,
    }),
  ),
  /** User-defined contact attributes (docs/flow-contracts.md). */
  Attributes: z.nullish(z.record(z.string(), z.nullable(z.string()))),
});

export type ContactTraceRecord = z.infer<typeof ContactTraceRecordSchema>;
