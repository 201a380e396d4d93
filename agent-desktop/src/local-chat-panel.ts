import { element, fillList } from './dom.ts';

interface LocalChatSummary {
  readonly contactId: string;
  readonly state: 'QUEUED' | 'CONNECTED' | 'ENDED';
  readonly queue?: string;
  readonly agent?: string;
  readonly attributes: Record<string, string>;
  readonly messages: readonly { id: string; role?: string; text: string }[];
}

const WHO: Record<string, string> = { CUSTOMER: 'Customer', AGENT: 'You', SYSTEM: 'System' };

/**
 * Web chats on this machine, where there is no CCP: the local participant service's waiting
 * chats (accept), the chat the agent took (read, reply, end). Deployed, the CCP does this.
 */
export const startLocalChatPanel = (
  baseUrl: string,
  onContact: (chat: { attributes: Record<string, string>; queue?: string } | undefined) => void,
) => {
  element('chats').hidden = false;
  const waiting = element<HTMLUListElement>('chats-waiting');
  const active = element('chat-active');
  const transcript = element<HTMLOListElement>('chat-transcript');
  const reply = element<HTMLFormElement>('chat-reply');
  const text = element<HTMLTextAreaElement>('chat-reply-text');
  let current: string | undefined;

  const call = async (path: string, body?: unknown) => {
    const response = await fetch(new URL(path, baseUrl), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return (await response.json()) as unknown;
  };

  const renderChats = (chats: readonly LocalChatSummary[]) => {
    waiting.replaceChildren(
      ...chats
        .filter((chat) => chat.state === 'QUEUED')
        .map((chat) => {
          const item = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = `Accept chat (${chat.queue ?? 'queue'}, ${chat.attributes.lang === 'sw' ? 'Kiswahili' : 'English'})`;
          button.addEventListener('click', () => {
            current = chat.contactId;
            void call(`local/chats/${chat.contactId}/accept`, { agent: 'agent.wanjiku' }).then(
              refresh,
            );
          });
          item.append(button);
          return item;
        }),
    );
    element('chats-none').hidden = waiting.childElementCount > 0;
    const mine = chats.find((chat) => chat.contactId === current);
    active.hidden = !mine;
    if (!mine) return;
    onContact(
      mine.state === 'ENDED'
        ? undefined
        : { attributes: mine.attributes, ...(mine.queue && { queue: mine.queue }) },
    );
    element('chat-state').textContent =
      mine.state === 'ENDED' ? 'The chat has ended.' : 'Connected';
    reply.hidden = mine.state !== 'CONNECTED';
    element('chat-end').hidden = mine.state !== 'CONNECTED';
    if (transcript.childElementCount !== mine.messages.length)
      fillList(
        transcript,
        mine.messages.map((message) => `${WHO[message.role ?? ''] ?? 'System'}: ${message.text}`),
      );
  };

  const refresh = async () => renderChats((await call('local/chats')) as LocalChatSummary[]);
  reply.addEventListener('submit', (event) => {
    event.preventDefault();
    const message = text.value.trim();
    if (!current || !message) return;
    void call(`local/chats/${current}/messages`, { text: message }).then(() => {
      text.value = '';
      return refresh();
    });
  });
  element('chat-end').addEventListener('click', () => {
    if (current) void call(`local/chats/${current}/end`, {}).then(refresh);
  });
  void refresh();
  setInterval(() => void refresh().catch(() => undefined), 1000);
};
