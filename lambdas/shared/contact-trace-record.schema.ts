import * as z from 'zod';

/** Connect writes UTC times to the second (`2022-04-08T15:01:54Z`); offsets and fractions are tolerated. */
const Timestamp = z.iso.datetime({ offset: true });
/** Whole seconds; absent or null when the phase did not happen. */
const Seconds = z.number().nonnegative().nullish();

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
export const ContactTraceRecordSchema = z
  .object({
    ContactId: z.string().min(1),
    InitialContactId: z.string().nullish(),
    PreviousContactId: z.string().nullish(),
    NextContactId: z.string().nullish(),
    /** VOICE, CHAT, TASK, EMAIL; an open string, as Connect adds channels. */
    Channel: z.string().min(1),
    /** INBOUND, OUTBOUND, TRANSFER, QUEUE_TRANSFER, CALLBACK, API, …; an open string. */
    InitiationMethod: z.string().nullish(),
    InitiationTimestamp: Timestamp,
    ConnectedToSystemTimestamp: Timestamp.nullish(),
    DisconnectTimestamp: Timestamp.nullish(),
    /** The record's version: a newer record of a contact has a later LastUpdateTimestamp. */
    LastUpdateTimestamp: Timestamp,
    /** CUSTOMER_DISCONNECT, AGENT_DISCONNECT, CONTACT_FLOW_DISCONNECT, …; an open string. */
    DisconnectReason: z.string().nullish(),
    Queue: z
      .object({
        Name: z.string().nullish(),
        ARN: z.string().nullish(),
        EnqueueTimestamp: Timestamp.nullish(),
        DequeueTimestamp: Timestamp.nullish(),
        /** Dequeue − Enqueue: the wait in queue. */
        Duration: Seconds,
      })
      .loose()
      .nullish(),
    /** Present only when an agent was connected. */
    Agent: z
      .object({
        Username: z.string().nullish(),
        ConnectedToAgentTimestamp: Timestamp.nullish(),
        AgentInteractionDuration: Seconds,
        CustomerHoldDuration: Seconds,
        AfterContactWorkDuration: Seconds,
      })
      .loose()
      .nullish(),
    /** User-defined contact attributes (docs/flow-contracts.md). */
    Attributes: z.record(z.string(), z.string().nullable()).nullish(),
  })
  .loose();

export type ContactTraceRecord = z.infer<typeof ContactTraceRecordSchema>;
