import type { ChatContacts } from '#lambdas/web-chat/chat-contacts.ts';
import type { ContactRecordFeed } from '#local/contact-records.ts';
import type { FlowEngine } from '#local/flow-engine/engine.ts';
import type { QueueSimulation } from '#local/flow-engine/types.ts';
import type { LocalChat, LocalParticipantService } from './participant-service.ts';

const timestamp = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const seconds = (from: number, to: number) => Math.max(0, Math.round((to - from) / 1000));

/** The contact trace record Connect streams when a chat that reached the queue ends (Channel CHAT). */
export const chatContactRecord = (chat: LocalChat, instanceArn: string) => {
  const ended = chat.endedAt ?? chat.startedAt;
  const agent = chat.agent;
  return {
    AWSAccountId: '000000000000',
    AWSContactTraceRecordFormatVersion: '2017-03-10',
    Agent: agent
      ? {
          ARN: `${instanceArn}/agent/${agent.username}`,
          Username: agent.username,
          ConnectedToAgentTimestamp: timestamp(agent.connectedAt),
          AgentInteractionDuration: seconds(agent.connectedAt, agent.endedAt ?? ended),
          CustomerHoldDuration: 0,
          AfterContactWorkDuration: 0,
        }
      : null,
    AgentConnectionAttempts: agent ? 1 : 0,
    Attributes: { ...chat.attributes },
    Channel: 'CHAT',
    ConnectedToSystemTimestamp: timestamp(chat.startedAt),
    ContactId: chat.contactId,
    CustomerEndpoint: null,
    DisconnectReason: chat.disconnectReason ?? 'CUSTOMER_DISCONNECT',
    DisconnectTimestamp: timestamp(ended),
    InitialContactId: null,
    InitiationMethod: 'API',
    InitiationTimestamp: timestamp(chat.startedAt),
    InstanceARN: instanceArn,
    LastUpdateTimestamp: timestamp(ended),
    NextContactId: null,
    PreviousContactId: null,
    Queue: chat.queue
      ? {
          ARN: chat.queue.arn,
          Name: chat.queue.name,
          EnqueueTimestamp: timestamp(chat.queue.enqueuedAt),
          DequeueTimestamp: agent ? timestamp(agent.connectedAt) : null,
          Duration: seconds(chat.queue.enqueuedAt, agent?.connectedAt ?? ended),
        }
      : null,
    Recording: null,
    SystemEndpoint: null,
    TransferCompletedTimestamp: null,
    TransferredToEndpoint: null,
  };
};

/**
 * StartChatContact on this machine, behind the web chat's ChatContacts interface: the chat
 * hand-over flow runs in the local flow engine on the CHAT channel (its messages reach the
 * customer as SYSTEM messages), and a chat the flow queues waits in the local participant
 * service until an agent accepts it in the local desktop. A chat that ends leaves its contact
 * trace record with the call-log writer, as Connect's stream does.
 */
export const localChatContacts = ({
  service,
  engine,
  flowArn,
  instanceArn,
  feed,
  now,
  queue,
}: {
  readonly service: LocalParticipantService;
  readonly engine: FlowEngine;
  readonly flowArn: string;
  readonly instanceArn: string;
  readonly feed: ContactRecordFeed;
  readonly now: () => Date;
  /** How the agent queue behaves (`atCapacity`: the flow's queue-full branch ends the chat). */
  readonly queue?: QueueSimulation;
}): ChatContacts => {
  const started = new Map<
    string,
    { contactId: string; participantId: string; participantToken: string }
  >();
  const queuedChats = new Set<string>();
  service.onEnded((chat) => {
    // A chat the flow ended has its record from the engine already.
    if (!queuedChats.delete(chat.contactId)) return;
    void feed([chatContactRecord(chat, instanceArn)]);
  });
  return {
    async start(chat) {
      // ClientToken: a retried StartChatContact answers with the chat it started.
      const again = started.get(chat.clientToken);
      if (again) return again;
      const messages: string[] = [];
      const result = await engine.run({
        flowArn,
        channel: 'CHAT',
        initiationMethod: 'API',
        customerNumber: 'anonymous',
        attributes: { ...chat.attributes },
        startAt: now(),
        ...(queue && { queue }),
        caller: {
          hear: (prompt) => messages.push(prompt.text),
          input: async () => ({ kind: 'hangup' }),
        },
      });
      const participant = service.startChat({
        contactId: result.contactId,
        attributes: result.attributes,
        displayName: chat.displayName,
        initialMessage: chat.initialMessage,
      });
      for (const text of messages) service.systemMessage(result.contactId, text);
      if (result.disposition.type === 'QUEUED') {
        queuedChats.add(result.contactId);
        service.enqueue(result.contactId, {
          arn: result.disposition.queueArn,
          name: result.disposition.queue,
        });
      } else service.end(result.contactId, 'CONTACT_FLOW_DISCONNECT');
      started.set(chat.clientToken, participant);
      return participant;
    },
  };
};
