import * as agentChatRelay from '#lambdas/agent-chat-relay/handler.ts';
import * as appointments from '#lambdas/appointments/handler.ts';
import * as callLogs from '#lambdas/call-logs/handler.ts';
import * as callbackDialer from '#lambdas/callback-dialer/handler.ts';
import * as callerContext from '#lambdas/caller-context/handler.ts';
import * as complaintMetrics from '#lambdas/complaint-metrics/handler.ts';
import * as complaints from '#lambdas/complaints/handler.ts';
import * as escalation from '#lambdas/escalation/handler.ts';
import * as escalationStart from '#lambdas/escalation-start/handler.ts';
import * as escalationSweep from '#lambdas/escalation-sweep/handler.ts';
import * as knowledge from '#lambdas/knowledge/handler.ts';
import * as knowledgeApi from '#lambdas/knowledge-api/handler.ts';
import * as lakeRedaction from '#lambdas/lake-redaction/handler.ts';
import * as notificationDelivery from '#lambdas/notification-delivery/handler.ts';
import * as pensions from '#lambdas/pensions/handler.ts';
import * as reports from '#lambdas/reports/handler.ts';
import * as smsChannel from '#lambdas/sms-channel/handler.ts';
import * as speech from '#lambdas/speech/handler.ts';
import * as survey from '#lambdas/survey/handler.ts';
import * as ticketsApi from '#lambdas/tickets-api/handler.ts';
import * as tracking from '#lambdas/tracking/handler.ts';
import * as ussd from '#lambdas/ussd/handler.ts';
import * as webChat from '#lambdas/web-chat/handler.ts';
import * as whatsappChannel from '#lambdas/whatsapp-channel/handler.ts';
import type { HandlerModule } from '#shared/platform.ts';
import { asFunction } from './iam/guard.ts';
import { checkedDependencies } from './iam/stand-ins.ts';
import { defaultLocalPlatform, type LocalPlatform } from './platform.ts';

export { type LocalPlatform, localPlatform } from './platform.ts';

/** Every Lambda in lambdas/, by folder (lambdas/<name>/handler.ts), on the one handler contract. */
export const HANDLER_MODULES = {
  'agent-chat-relay': agentChatRelay,
  appointments,
  'call-logs': callLogs,
  'callback-dialer': callbackDialer,
  'caller-context': callerContext,
  'complaint-metrics': complaintMetrics,
  complaints,
  escalation,
  'escalation-start': escalationStart,
  'escalation-sweep': escalationSweep,
  knowledge,
  'knowledge-api': knowledgeApi,
  'lake-redaction': lakeRedaction,
  'notification-delivery': notificationDelivery,
  pensions,
  reports,
  'sms-channel': smsChannel,
  speech,
  survey,
  'tickets-api': ticketsApi,
  tracking,
  'whatsapp-channel': whatsappChannel,
  'web-chat': webChat,
  ussd,
} as const;

export type HandlerName = keyof typeof HANDLER_MODULES;
type ModuleOf<N extends HandlerName> = (typeof HANDLER_MODULES)[N];
/** What a handler's setup builds, and what a local run may replace. */
export type DependenciesOf<N extends HandlerName> = ReturnType<ModuleOf<N>['defaultDependencies']>;
export type HandlerOf<N extends HandlerName> = ReturnType<ModuleOf<N>['createHandler']>;

// Each module meets the contract (checked here, so a handler that drifts fails to compile).
HANDLER_MODULES satisfies { [N in HandlerName]: HandlerModule<DependenciesOf<N>, HandlerOf<N>> };

/** A handler's dependencies as its setup builds them on `platform`, with `overrides` applied. */
export const localDependencies = <N extends HandlerName>(
  name: N,
  overrides: Partial<DependenciesOf<N>> = {},
  platform: LocalPlatform = defaultLocalPlatform(),
): DependenciesOf<N> => {
  const module = HANDLER_MODULES[name] as unknown as HandlerModule<DependenciesOf<N>, HandlerOf<N>>;
  return { ...module.defaultDependencies(platform.env, platform.aws), ...overrides };
};

/**
 * The one way local code builds a Lambda: the deployed module's `createHandler` on its
 * `defaultDependencies` for `platform`, with `overrides` (clock, queues, dialer, gateways).
 * The local runtime, the bench and the tests all build handlers here, so every AWS call a
 * handler makes (through the platform's clients or a stand-in among its dependencies) is
 * checked against the IAM policy CDK synthesizes for its function's role (local/iam).
 */
export const localHandler = <N extends HandlerName>(
  name: N,
  overrides: Partial<DependenciesOf<N>> = {},
  platform: LocalPlatform = defaultLocalPlatform(),
): HandlerOf<N> => {
  const module = HANDLER_MODULES[name] as unknown as HandlerModule<DependenciesOf<N>, HandlerOf<N>>;
  const handler = module.createHandler(
    checkedDependencies(localDependencies(name, overrides, platform)),
  ) as HandlerOf<N> & ((...args: unknown[]) => unknown);
  // Every AWS call it makes is checked against its function's deployed role (local/iam).
  return asFunction(name, handler) as unknown as HandlerOf<N>;
};
