import { type ConnectClient, StartChatContactCommand } from '@aws-sdk/client-connect';

/** What a hand-over gives the page: the chat contact and the customer's participant token. */
export interface StartedChat {
  readonly contactId: string;
  readonly participantId: string;
  readonly participantToken: string;
}

/** What Amazon Connect is asked to start: the flow's attributes and the first message. */
export interface ChatStart {
  readonly displayName: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Shown to the agent first (Connect allows 1,024 characters). */
  readonly initialMessage: string;
  /** Makes the request idempotent: a retried hand-over starts one chat. */
  readonly clientToken: string;
}

/**
 * The one interface to Amazon Connect chat: StartChatContact on the hand-over flow. Locally a
 * stand-in (local/chat/) starts the chat in the local participant service instead.
 */
export interface ChatContacts {
  start(chat: ChatStart): Promise<StartedChat>;
}

/** Connect's limits for StartChatContact (API reference): 32,768 UTF-8 bytes of attributes. */
export const CHAT_LIMITS = {
  attributeBytes: 32_768,
  initialMessageChars: 1024,
  displayNameChars: 256,
  clientTokenChars: 500,
} as const;

/** ChatContacts on Amazon Connect: the flow's instance and id come from the environment. */
export const connectChatContacts = (
  connect: Pick<ConnectClient, 'send'>,
  settings: { readonly instanceId: string; readonly flowId: string },
): ChatContacts => ({
  async start(chat) {
    const output = await connect.send(
      new StartChatContactCommand({
        InstanceId: settings.instanceId,
        ContactFlowId: settings.flowId,
        Attributes: { ...chat.attributes },
        ParticipantDetails: { DisplayName: chat.displayName },
        InitialMessage: { ContentType: 'text/plain', Content: chat.initialMessage },
        ClientToken: chat.clientToken,
        SupportedMessagingContentTypes: ['text/plain'],
      }),
    );
    if (!output.ContactId || !output.ParticipantId || !output.ParticipantToken)
      throw new Error('StartChatContact returned no participant');
    return {
      contactId: output.ContactId,
      participantId: output.ParticipantId,
      participantToken: output.ParticipantToken,
    };
  },
});
