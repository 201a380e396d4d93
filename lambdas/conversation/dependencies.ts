import { randomUUID } from 'node:crypto';
import { channelOperations } from '#lambdas/channel-operations.ts';
import { type ChannelDependencies, channelDependencies } from '#shared/channel-dependencies.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { createConversationRepository } from '#shared/data/conversations.repository.ts';
import { parseEnv } from '#shared/env.ts';
import type { OpeningHours } from '#shared/hours.ts';
import type { AwsClients, Environment } from '#shared/platform.ts';
import { conversationRecorder } from './call-log.ts';
import { TEXT_DIALOGUES } from './capabilities.ts';
import { ConversationEnvironmentSchema } from './config.ts';
import type { HandleMessage } from './contract.ts';
import { createConversation } from './conversation.ts';
import type { AgentChats } from './handover.ts';
import { trackInOneMessage } from './operations.ts';
import { runnerTextDialogues } from './text-dialogues.ts';

/** What the conversation service is built from: every channel's Lambda holds one of these. */
export interface ConversationServiceDependencies extends ChannelDependencies {
  readonly idleMinutes: number;
  readonly newConversationId: () => string;
  readonly timeZone: string;
  readonly hours: OpeningHours;
  /** WhatsApp and SMS: hand-overs start the agent's Connect chat here and relay into it. */
  readonly agentChats?: AgentChats;
}

/** The service's dependencies from a channel Lambda's environment and AWS clients. */
export const conversationServiceDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): ConversationServiceDependencies => {
  const config = parseEnv(ConversationEnvironmentSchema, env);
  return {
    ...channelDependencies(config, aws),
    idleMinutes: config.CONVERSATION_IDLE_MINUTES,
    newConversationId: randomUUID,
    timeZone: config.TIME_ZONE,
    hours: config.CONTACT_CENTRE_HOURS,
  };
};

/**
 * The conversation service (`handleMessage`) on its dependencies: what the web chat API, the
 * WhatsApp event destination and the SMS inbound handler call for every customer message.
 */
export const createConversationService = (deps: ConversationServiceDependencies): HandleMessage => {
  // The capabilities' own use cases on the conversation's clock, hasher and notifier, as USSD
  // runs them: the text channels call exactly what the IVR calls.
  const registry = channelOperations(deps);
  return createConversation({
    conversations: createConversationRepository(deps.db, deps.tables.serviceData),
    identityHasher: deps.identityHasher,
    dialogues: runnerTextDialogues(TEXT_DIALOGUES, registry),
    track: trackInOneMessage(registry),
    recordConversation: conversationRecorder(
      createCallLogRepository(deps.db, deps.tables.callLogs),
      deps.callLogPolicy,
    ),
    clock: deps.clock,
    newConversationId: deps.newConversationId,
    idleMinutes: deps.idleMinutes,
    hours: deps.hours,
    ...(deps.agentChats && { agentChats: deps.agentChats }),
  });
};
