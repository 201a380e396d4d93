import {
  type ConnectClient,
  DescribeContactCommand,
  LimitExceededException,
  StartOutboundVoiceContactCommand,
  ThrottlingException,
  TooManyRequestsException,
} from '@aws-sdk/client-connect';

/** One call-back call for the outbound flow (contact-flows/outbound-callback.json). */
export interface OutboundCall {
  /** Idempotency: the same token within 7 days places no second call. */
  readonly clientToken: string;
  readonly destination: string;
  /** Contact attributes the outbound flow reads: lang, callbackPrompt, reference, agentQueue. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly ringTimeoutSeconds: number;
}

export type CallOutcome = 'ANSWERED' | 'NOT_ANSWERED' | 'IN_PROGRESS';

/** Connect refused the call for its rate limit: try again later. */
export class DialerThrottledError extends Error {
  constructor(options?: ErrorOptions) {
    super('Outbound calls are throttled', options);
    this.name = 'DialerThrottledError';
  }
}

/** Places call-back calls and tells whether one was answered. */
export interface OutboundDialer {
  place(call: OutboundCall): Promise<{ contactId: string }>;
  outcome(contactId: string): Promise<CallOutcome>;
}

export interface ConnectDialerSettings {
  readonly instanceId: string;
  readonly contactFlowId: string;
  /** The queue whose outbound caller ID the customer sees. */
  readonly queueId: string;
}

/**
 * Deployed: Amazon Connect's StartOutboundVoiceContact (ClientToken makes a retried attempt
 * the same call) and DescribeContact (a call is answered once the customer's endpoint connected).
 */
export const connectDialer = (
  client: ConnectClient,
  { instanceId, contactFlowId, queueId }: ConnectDialerSettings,
): OutboundDialer => ({
  async place({ clientToken, destination, attributes, ringTimeoutSeconds }) {
    try {
      const { ContactId } = await client.send(
        new StartOutboundVoiceContactCommand({
          InstanceId: instanceId,
          ContactFlowId: contactFlowId,
          QueueId: queueId,
          DestinationPhoneNumber: destination,
          Attributes: { ...attributes },
          ClientToken: clientToken,
          RingTimeoutInSeconds: ringTimeoutSeconds,
          Name: 'Complaint call-back',
        }),
      );
      if (!ContactId) throw new Error('StartOutboundVoiceContact returned no ContactId');
      return { contactId: ContactId };
    } catch (error) {
      if (
        error instanceof ThrottlingException ||
        error instanceof LimitExceededException ||
        error instanceof TooManyRequestsException
      )
        throw new DialerThrottledError({ cause: error });
      throw error;
    }
  },
  async outcome(contactId) {
    const { Contact } = await client.send(
      new DescribeContactCommand({ InstanceId: instanceId, ContactId: contactId }),
    );
    if (Contact?.ConnectedToSystemTimestamp) return 'ANSWERED';
    return Contact?.DisconnectTimestamp ? 'NOT_ANSWERED' : 'IN_PROGRESS';
  },
});
