import { conversationChannel } from './conversation/channel.ts';
import type { RegisteredChannel } from './shared/channel.ts';
import { ussdChannel } from './ussd/channel.ts';

/**
 * Every channel outside Amazon Connect that runs the capabilities' dialogues: the second list
 * of the registry (the flow-invoked capabilities are lambdas/capabilities.ts). Not imported by
 * any handler: the registration test, the prompt registry's check and the docs read it.
 */
export const CHANNELS: readonly RegisteredChannel[] = [
  {
    name: ussdChannel.name,
    handlers: [ussdChannel.handler],
    capabilities: ussdChannel.capabilities,
    environment: ussdChannel.environment,
    prompts: [ussdChannel.prompts],
  },
  conversationChannel,
];
