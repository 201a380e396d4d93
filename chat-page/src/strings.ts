import conversationPrompts from '../../prompts/conversation.json' with { type: 'json' };
import webChatPrompts from '../../prompts/web-chat.json' with { type: 'json' };

/** Every word the page shows, in English and Kiswahili (the conversation's own replies come from the API). */
export type Language = 'en' | 'sw';

/** What the text channels tell a customer whose hand-over no agent took: the same words here. */
const agentUnavailable = conversationPrompts.prompts['conversation.agent_unavailable'];

export const STRINGS = {
  en: {
    title: 'Huduma Contact Centre chat',
    intro:
      'Ask about your documents, appointments, pensions or complaints. Type "agent" to chat with a person.',
    language: 'Language',
    messageLabel: 'Your message',
    send: 'Send',
    endChat: 'End chat',
    you: 'You',
    huduma: 'Huduma',
    agent: 'Agent',
    sending: 'Sending…',
    failed: 'Your message was not sent. Please try again.',
    busy: 'We are very busy. Please try again in a minute.',
    connecting: 'Connecting you to an agent…',
    agentJoined: 'An agent has joined the chat.',
    agentLeft: 'The agent has left the chat.',
    reconnecting: 'Connection lost. Reconnecting…',
    reconnected: 'Connected again.',
    ended: 'The chat has ended.',
    expired: 'Your previous chat has ended. You can start a new one.',
    agentUnavailable: agentUnavailable.en,
    surveyTitle: 'How did we do?',
    csat: 'How satisfied were you with the service today? (1 very dissatisfied, 5 very satisfied)',
    nps: 'How likely are you to recommend Huduma to a friend? (0 not at all, 10 extremely likely)',
    surveySend: 'Send answers',
    surveySkip: 'Skip',
    surveyThanks: 'Thank you for your feedback.',
    newChat: 'Start a new chat',
  },
  sw: {
    title: 'Mazungumzo ya Kituo cha Huduma',
    intro:
      'Uliza kuhusu hati zako, miadi, pensheni au malalamiko. Andika "wakala" kuzungumza na mtu.',
    language: 'Lugha',
    messageLabel: 'Ujumbe wako',
    send: 'Tuma',
    endChat: 'Maliza mazungumzo',
    you: 'Wewe',
    huduma: 'Huduma',
    agent: 'Wakala',
    sending: 'Inatuma…',
    failed: 'Ujumbe wako haukutumwa. Tafadhali jaribu tena.',
    busy: 'Tuna shughuli nyingi. Tafadhali jaribu tena baada ya dakika moja.',
    connecting: 'Tunakuunganisha na wakala…',
    agentJoined: 'Wakala amejiunga na mazungumzo.',
    agentLeft: 'Wakala ameondoka kwenye mazungumzo.',
    reconnecting: 'Muunganisho umekatika. Tunaunganisha tena…',
    reconnected: 'Umeunganishwa tena.',
    ended: 'Mazungumzo yamekwisha.',
    expired: 'Mazungumzo yako ya awali yamekwisha. Unaweza kuanza mapya.',
    agentUnavailable: agentUnavailable.sw,
    surveyTitle: 'Tumefanyaje?',
    csat: 'Umeridhika kiasi gani na huduma leo? (1 kutoridhika kabisa, 5 kuridhika sana)',
    nps: 'Kuna uwezekano gani wa kupendekeza Huduma kwa rafiki? (0 hakuna, 10 uwezekano mkubwa sana)',
    surveySend: 'Tuma majibu',
    surveySkip: 'Ruka',
    surveyThanks: 'Asante kwa maoni yako.',
    newChat: 'Anza mazungumzo mapya',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type StringId = keyof (typeof STRINGS)['en'];

const waiting = webChatPrompts.prompts['webchat.waiting'];
/**
 * The chat flow's message as the chat goes into the queue (`webchat.waiting`): it explains no
 * end, so a chat that then ends with no agent (its 25 hours lapsed) still needs the page's words.
 */
export const isQueueMessage = (text: string): boolean => text === waiting.en || text === waiting.sw;
