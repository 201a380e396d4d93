import type { AgentChat } from './store.ts';
import type { Language } from './strings.ts';

export interface Turn {
  readonly language: Language;
  readonly replies: readonly { readonly text: string }[];
  readonly handover?: AgentChat;
}

export class ApiError extends Error {
  readonly status: number;
  readonly outcome: string;
  constructor(status: number, outcome: string) {
    super(`HTTP ${status} ${outcome}`);
    this.status = status;
    this.outcome = outcome;
  }
}

/** The chat API (lambdas/web-chat): messages to the conversation service, and the survey. */
export const createChatApi = (baseUrl: string) => {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as { error?: string };
    if (!response.ok) throw new ApiError(response.status, json.error ?? 'ERROR');
    return json as T;
  };
  return {
    message: (body: { chatId: string; messageId: string; text: string; locale: Language }) =>
      post<Turn>('chat/messages', body),
    survey: (body: { contactId: string; token: string; csat?: string; nps?: string }) =>
      post<{ outcome: string }>('chat/survey', body),
  };
};
export type ChatApi = ReturnType<typeof createChatApi>;
