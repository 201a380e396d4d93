import type { Language } from './strings.ts';

/** One line of the conversation as the page shows it. */
export interface Line {
  readonly id: string;
  readonly from: 'customer' | 'service' | 'agent' | 'system';
  readonly text: string;
}

/** The customer's participant in a Connect chat (StartChatContact's answer). */
export interface AgentChat {
  readonly contactId: string;
  readonly participantId: string;
  readonly participantToken: string;
  /** What the survey is signed with: only this page can answer this chat's survey, once. */
  readonly surveyToken: string;
}

/**
 * What survives a refresh, a locked phone or a closed tab: the chat's id, its language, what was
 * said, the Connect participant (to resume with CreateParticipantConnection) and a survey still
 * to answer. In localStorage, on this device only.
 */
export interface ChatState {
  chatId: string;
  language: Language;
  lines: Line[];
  agentChat?: AgentChat;
  /** An agent joined `agentChat`: only then is there a service to survey. */
  agentJoined?: boolean;
  /** The contact whose post-chat survey is still open (kept in the page, never on the socket). */
  surveyFor?: string;
  /** The open survey's token (the hand-over's `surveyToken`). */
  surveyToken?: string;
}

const KEY = 'huduma.chat';

export const newChatState = (language: Language): ChatState => ({
  chatId: crypto.randomUUID(),
  language,
  lines: [],
});

export const loadChatState = (storage: Storage): ChatState | undefined => {
  try {
    const raw = storage.getItem(KEY);
    const state = raw ? (JSON.parse(raw) as ChatState) : undefined;
    return state && typeof state.chatId === 'string' && Array.isArray(state.lines)
      ? state
      : undefined;
  } catch {
    return undefined;
  }
};

export const saveChatState = (storage: Storage, state: ChatState): void =>
  storage.setItem(KEY, JSON.stringify({ ...state, lines: state.lines.slice(-200) }));
