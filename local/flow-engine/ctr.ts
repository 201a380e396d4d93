import type { ContactRun } from './contact.ts';
import type { ContactTraceRecord, Disposition } from './types.ts';

/** Connect writes timestamps to the second, in UTC. */
const timestamp = (epochMs: number) =>
  new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const seconds = (fromMs: number, toMs: number) => Math.max(0, Math.round((toMs - fromMs) / 1000));

const disconnectReason = (disposition: Disposition): string => {
  switch (disposition.type) {
    case 'ANSWERED':
      return 'AGENT_DISCONNECT';
    case 'ABANDONED':
      return 'CUSTOMER_DISCONNECT';
    case 'DISCONNECTED':
      return disposition.by === 'CUSTOMER' ? 'CUSTOMER_DISCONNECT' : 'CONTACT_FLOW_DISCONNECT';
    default:
      return 'CONTACT_FLOW_DISCONNECT';
  }
};

/** The contact trace record Connect would stream for a finished contact (ctr-data-model). */
export const contactTraceRecord = (
  run: ContactRun,
  disposition: Disposition,
): ContactTraceRecord => {
  const instance = run.resources.instanceArn;
  const disconnectedAt = run.disconnectedAt ?? run.clock;
  const agent = run.agent;
  const agentDisconnectedAt = agent?.disconnectedAt ?? disconnectedAt;
  return {
    AWSAccountId: '000000000000',
    AWSContactTraceRecordFormatVersion: '2017-03-10',
    Agent: agent
      ? {
          ARN: `${instance}/agent/${agent.username}`,
          Username: agent.username,
          ConnectedToAgentTimestamp: timestamp(agent.connectedAt),
          AgentInteractionDuration: agent.talkSeconds,
          CustomerHoldDuration: agent.holdSeconds,
          NumberOfHolds: agent.holdSeconds > 0 ? 1 : 0,
          LongestHoldDuration: agent.holdSeconds,
          AfterContactWorkStartTimestamp: timestamp(agentDisconnectedAt),
          AfterContactWorkEndTimestamp: timestamp(
            agentDisconnectedAt + agent.afterContactWorkSeconds * 1000,
          ),
          AfterContactWorkDuration: agent.afterContactWorkSeconds,
          RoutingProfile: { ARN: `${instance}/routing-profile/agents`, Name: 'Agents' },
          HierarchyGroups: null,
        }
      : null,
    AgentConnectionAttempts: agent ? 1 : 0,
    Attributes: { ...run.attributes },
    Channel: run.channel,
    ConnectedToSystemTimestamp: timestamp(run.startedAt),
    ContactId: run.contactId,
    CustomerEndpoint: { Address: run.options.customerNumber, Type: 'TELEPHONE_NUMBER' },
    DisconnectReason: disconnectReason(disposition),
    DisconnectTimestamp: timestamp(disconnectedAt),
    InitialContactId: null,
    InitiationMethod: run.options.initiationMethod ?? 'INBOUND',
    InitiationTimestamp: timestamp(run.startedAt),
    InstanceARN: instance,
    LastUpdateTimestamp: timestamp(
      Math.max(
        disconnectedAt,
        agent ? agentDisconnectedAt + agent.afterContactWorkSeconds * 1000 : 0,
      ),
    ),
    NextContactId: run.callback?.contactId ?? null,
    PreviousContactId: null,
    Queue: run.queue
      ? {
          ARN: run.queue.arn,
          Name: run.queue.name,
          EnqueueTimestamp: timestamp(run.queue.enqueuedAt),
          DequeueTimestamp:
            run.queue.dequeuedAt === undefined ? null : timestamp(run.queue.dequeuedAt),
          Duration: seconds(run.queue.enqueuedAt, run.queue.dequeuedAt ?? disconnectedAt),
        }
      : null,
    Recording: null,
    SystemEndpoint: {
      Address: run.options.systemNumber ?? '+27210000000',
      Type: 'TELEPHONE_NUMBER',
    },
    TransferCompletedTimestamp: null,
    TransferredToEndpoint: null,
  };
};
