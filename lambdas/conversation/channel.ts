import { TEXT_DIALOGUES, TEXT_MENU } from './capabilities.ts';
import { ConversationEnvironmentSchema } from './config.ts';

/**
 * The conversation service's descriptor: a channel over the capabilities rather than a
 * flow-invoked capability (no placeholder, no flow), so it is listed in lambdas/channels.ts.
 * Its Lambdas (lambdas/sms-channel, lambdas/whatsapp-channel; the web chat API in
 * lambdas/web-chat) run the dialogues below on each capability's own use cases and hold the
 * union of those capabilities' table grants (lib/constructs/messaging-channels.ts derives it).
 */
export const conversationChannel = {
  name: 'text conversations',
  handlers: ['sms-channel', 'whatsapp-channel', 'web-chat'],
  constructId: 'Messaging',
  description:
    'Self-service by web chat, WhatsApp and SMS on the capabilities, agents in Connect chat',
  channels: ['web', 'whatsapp', 'sms'],
  /** The capabilities whose dialogues the text menu offers, by menu key. */
  menu: TEXT_MENU,
  capabilities: Object.keys(TEXT_DIALOGUES),
  /** Its own items besides the capabilities': sessions and customer preferences, the call log. */
  tables: { ServiceData: 'readUpdate', CallLogs: 'update' },
  needs: ['identityHashing', 'notifications'],
  environment: ConversationEnvironmentSchema,
  prompts: ['conversation.json', 'text.json', 'web-chat.json'],
} as const;
