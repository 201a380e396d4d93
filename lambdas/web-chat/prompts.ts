import webChatPrompts from '#prompts/web-chat.json' with { type: 'json' };
import { registerPrompts } from '#shared/speech/prompts.ts';

/** The hand-over's prompts (its waiting line), for whoever writes the chat's first message. */
registerPrompts(webChatPrompts);
