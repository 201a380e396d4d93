import { renderText } from '#shared/speech/render.ts';
import { CHAT_LIMITS, type ChatStart } from './chat-contacts.ts';
import type { Handover, Language, TranscriptLine } from './conversation-port.ts';
import './prompts.ts';

/** What the chat hand-over flow says in the customer's language (it has no Kiswahili voice to play). */
export const FLOW_MESSAGES = {
  waitingMessage: 'webchat.waiting',
  closedMessage: 'webchat.closed',
  busyMessage: 'webchat.busy',
} as const;

/** Bytes kept free in the attributes for Connect's own and the flow's additions. */
const TRANSCRIPT_BYTES = 24_000;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The transcript as the agent reads it, newest lines kept when it is longer than the budget. */
export const transcriptText = (lines: readonly TranscriptLine[], budget = TRANSCRIPT_BYTES) => {
  const kept: string[] = [];
  let used = 0;
  for (const line of [...lines].reverse()) {
    const text = `${line.from === 'customer' ? 'Customer' : 'Huduma'}: ${line.text.replace(/\s+/g, ' ').trim()}`;
    if (used + bytes(text) + 1 > budget) {
      kept.unshift('…');
      break;
    }
    kept.unshift(text);
    used += bytes(text) + 1;
  }
  return kept.join('\n');
};

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** Attribute keys Connect accepts: letters, digits, dash and underscore. */
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The StartChatContact request for a hand-over: the conversation's screen-pop attributes, the
 * channel and language, the flow's messages in that language and the transcript so far, all
 * within Connect's 32 KB of attributes; the customer's last message opens the chat.
 */
export const chatStartFor = ({
  handover,
  language,
  chatId,
  messageId,
}: {
  readonly handover: Pick<Handover, 'attributes' | 'transcript'>;
  readonly language: Language;
  readonly chatId: string;
  readonly messageId: string;
}): ChatStart => {
  const messages = Object.fromEntries(
    Object.entries(FLOW_MESSAGES).map(([key, prompt]) => [key, renderText({ prompt }, language)]),
  );
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(handover.attributes))
    if (ATTRIBUTE_KEY.test(key) && value.length > 0) attributes[key] = clip(value, 1024);
  Object.assign(attributes, messages, { lang: language, channel: 'web' });
  const used = Object.entries(attributes).reduce((sum, [k, v]) => sum + bytes(k) + bytes(v), 0);
  attributes.transcript = transcriptText(
    handover.transcript,
    Math.max(0, Math.min(TRANSCRIPT_BYTES, CHAT_LIMITS.attributeBytes - used - 64)),
  );
  const lastCustomer = [...handover.transcript].reverse().find((line) => line.from === 'customer');
  return {
    displayName: language === 'sw' ? 'Mteja' : 'Customer',
    attributes,
    initialMessage: clip(lastCustomer?.text.trim() || '…', CHAT_LIMITS.initialMessageChars),
    clientToken: clip(`${chatId}:${messageId}`, CHAT_LIMITS.clientTokenChars),
  };
};
