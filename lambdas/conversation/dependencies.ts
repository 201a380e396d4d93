import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from '#shared/clock.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { createConversationRepository } from '#shared/data/conversations.repository.ts';
import type { OperationRegistry } from '#shared/dialogue/operations.ts';
import { parseEnv } from '#shared/env.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import type { AwsClients, Environment } from '#shared/platform.ts';
import { conversationRecorder } from './call-log.ts';
import { capabilityRegistry, type SharedParts, TEXT_DIALOGUES } from './capabilities.ts';
import { ConversationEnvironmentSchema } from './config.ts';
import type { HandleMessage } from './contract.ts';
import { createConversation } from './conversation.ts';
import { trackInOneMessage } from './operations.ts';
import { runnerTextDialogues } from './text-dialogues.ts';

/** What the conversation service is built from: every channel's Lambda holds one of these. */
export interface ConversationServiceDependencies {
  readonly db: DynamoDBDocumentClient;
  readonly tables: {
    readonly serviceData: string;
    readonly tickets: string;
    readonly callLogs: string;
  };
  readonly identityHasher: IdentityHasher;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly idleMinutes: number;
  readonly callLogPolicy: { readonly timeZone: string; readonly retentionDays: number };
  readonly newConversationId: () => string;
  /** The capabilities' use cases, built on the conversation's clock, hasher and notifier. */
  readonly capabilities: (shared: SharedParts) => OperationRegistry;
}

/** The service's dependencies from a channel Lambda's environment and AWS clients. */
export const conversationServiceDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): ConversationServiceDependencies => {
  const config = parseEnv(ConversationEnvironmentSchema, env);
  return {
    db: aws.dynamoDb,
    tables: {
      serviceData: config.SERVICE_DATA_TABLE_NAME,
      tickets: config.TICKETS_TABLE_NAME,
      callLogs: config.CALL_LOGS_TABLE_NAME,
    },
    identityHasher: identityHasherFor(config, aws.kms),
    notifier: notifierFor(config, aws.sqs),
    clock: systemClock,
    idleMinutes: config.CONVERSATION_IDLE_MINUTES,
    callLogPolicy: { timeZone: config.TIME_ZONE, retentionDays: config.CALL_LOG_RETENTION_DAYS },
    newConversationId: randomUUID,
    capabilities: capabilityRegistry(env, aws),
  };
};

/**
 * The conversation service (`handleMessage`) on its dependencies: what the web chat API, the
 * WhatsApp event destination and the SMS inbound handler call for every customer message.
 */
export const createConversationService = (deps: ConversationServiceDependencies): HandleMessage => {
  const registry = deps.capabilities({
    clock: deps.clock,
    identityHasher: deps.identityHasher,
    notifier: deps.notifier,
  });
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
  });
};
