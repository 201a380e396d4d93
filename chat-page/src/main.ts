import { configureChatJs, startAgentChat } from './agent-chat.ts';
import { ApiError, createChatApi } from './api.ts';
import {
  type AgentChat,
  type ChatState,
  type Line,
  loadChatState,
  newChatState,
  saveChatState,
} from './store.ts';
import { isQueueMessage, type Language, STRINGS, type StringId } from './strings.ts';

interface PageConfig {
  readonly apiUrl: string;
  readonly region: string;
  /** The participant service's address when it is not AWS's (the local stand-in). */
  readonly participantEndpoint?: string;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found as T;
};

const storage = localStorage;
let state: ChatState =
  loadChatState(storage) ?? newChatState(navigator.language.startsWith('sw') ? 'sw' : 'en');
let agent: Awaited<ReturnType<typeof startAgentChat>> | undefined;
const save = () => saveChatState(storage, state);
const t = (id: StringId) => STRINGS[state.language][id];

const status = (id: StringId | '') => {
  $('status').textContent = id ? t(id) : '';
};

/** Every static word in the chosen language; the page's lang attribute follows. */
const translate = () => {
  document.documentElement.lang = state.language;
  document.title = t('title');
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]'))
    node.textContent = t(node.dataset.text as StringId);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]'))
    button.setAttribute('aria-pressed', String(button.dataset.lang === state.language));
  for (const li of document.querySelectorAll<HTMLElement>('#messages li')) {
    const who = li.querySelector('.who');
    if (who) who.textContent = speaker(li.className as Line['from']);
  }
};

const speaker = (from: Line['from']) =>
  from === 'customer' ? t('you') : from === 'agent' ? t('agent') : t('huduma');

/** Appends a line once (messages arrive again when chatjs reconnects or the transcript is read). */
const show = (line: Line, persist = true) => {
  if (document.querySelector(`#messages li[data-id="${CSS.escape(line.id)}"]`)) return;
  const li = document.createElement('li');
  li.className = line.from;
  li.dataset.id = line.id;
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = speaker(line.from);
  li.append(who, document.createTextNode(line.text));
  $('messages').append(li);
  li.scrollIntoView({ block: 'end' });
  if (persist) {
    state.lines.push(line);
    save();
  }
};

const composing = (enabled: boolean) => {
  $('composer').hidden = !enabled;
  $<HTMLButtonElement>('end').hidden = !agent;
};

const CSAT = ['1', '2', '3', '4', '5'];
const NPS = Array.from({ length: 11 }, (_, i) => String(i));
const options = (fieldset: string, values: readonly string[]) => {
  const set = $(fieldset);
  for (const value of values) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = fieldset;
    input.value = value;
    label.append(input, document.createTextNode(value));
    set.append(label);
  }
};

/** The survey lives in the page (and in storage), so the socket closing at once cannot lose it. */
const openSurvey = ({ contactId, surveyToken }: AgentChat) => {
  state.surveyFor = contactId;
  state.surveyToken = surveyToken;
  delete state.agentChat;
  delete state.agentJoined;
  agent = undefined;
  save();
  composing(false);
  $('survey').hidden = false;
  $('survey-title').focus();
};

const finishSurvey = (thanks: boolean) => {
  delete state.surveyFor;
  delete state.surveyToken;
  save();
  $('survey').hidden = true;
  $('survey-thanks').hidden = !thanks;
  if (thanks) $('survey-thanks').focus();
  $('new-chat').hidden = false;
};

/**
 * The agent chat ended before an agent joined (the flow closed it with every queue full, the
 * customer left the queue, or it lapsed there unanswered; after hours the conversation hands
 * no web chat over): no survey, the customer carries on in self-service. Unless the chat's
 * own message said why, the page says so.
 */
const backToSelfService = (chat: AgentChat, told: boolean) => {
  delete state.agentChat;
  delete state.agentJoined;
  agent = undefined;
  save();
  if (!told)
    show({ id: `unavailable:${chat.contactId}`, from: 'system', text: t('agentUnavailable') });
  status('');
  composing(true);
};

const startNewChat = () => {
  state = newChatState(state.language);
  save();
  agent = undefined;
  $('messages').replaceChildren();
  $('survey').hidden = true;
  $('survey-thanks').hidden = true;
  $('new-chat').hidden = true;
  composing(true);
  status('');
  $<HTMLTextAreaElement>('text').focus();
};

const connectAgent = async (config: PageConfig) => {
  const chat = state.agentChat;
  if (!chat) return;
  status('connecting');
  // Whether the chat told the customer why it ends (the flow's closed or busy message).
  let told = false;
  /** The chat is over: its survey if an agent served, otherwise back to self-service. */
  const over = (shown: 'ended' | 'expired', explained: boolean) => {
    if (!state.agentChat) return;
    if (!state.agentJoined) return backToSelfService(chat, explained);
    status(shown);
    openSurvey(chat);
  };
  try {
    const session = await startAgentChat(chat, config.region, {
      line: (line) => {
        if (line.from !== 'customer' && !isQueueMessage(line.text)) told = true;
        show(line);
      },
      joined: () => {
        state.agentJoined = true;
        save();
        status('agentJoined');
      },
      left: () => status('agentLeft'),
      lost: () => status('reconnecting'),
      restored: () => status('reconnected'),
      // A customer who left the queue needs no explanation, only to see it done.
      ended: (byCustomer) => {
        over('ended', told || byCustomer);
        if (byCustomer) status('ended');
      },
      // A 403: the chat ended while the page was away, or before the customer could join it
      // (the flow closed it at once).
      expired: () => over('expired', told),
    });
    // Unless the chat was over before it had connected.
    if (state.agentChat !== chat) return;
    agent = session;
    composing(true);
  } catch {
    over('expired', told);
  }
};

const send = async (api: ReturnType<typeof createChatApi>, config: PageConfig, text: string) => {
  const button = $<HTMLButtonElement>('send');
  button.disabled = true;
  status('sending');
  try {
    if (agent) {
      await agent.send(text);
      status('');
      return true;
    }
    const messageId = crypto.randomUUID();
    const turn = await api.message({
      chatId: state.chatId,
      messageId,
      text,
      locale: state.language,
    });
    show({ id: messageId, from: 'customer', text });
    if (turn.language !== state.language) {
      state.language = turn.language;
      translate();
    }
    for (const [i, reply] of turn.replies.entries())
      show({ id: `${messageId}:${i}`, from: 'service', text: reply.text });
    status('');
    if (turn.handover) {
      state.agentChat = turn.handover;
      save();
      await connectAgent(config);
    }
    return true;
  } catch (error) {
    status(error instanceof ApiError && error.status === 503 ? 'busy' : 'failed');
    return false;
  } finally {
    button.disabled = false;
  }
};

const start = async () => {
  const response = await fetch('config.json', { cache: 'no-store' });
  const config = (await response.json()) as PageConfig;
  configureChatJs(config.region, config.participantEndpoint);
  const api = createChatApi(config.apiUrl);
  options('csat', CSAT);
  options('nps', NPS);
  translate();
  for (const line of state.lines) show(line, false);

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]'))
    button.addEventListener('click', () => {
      state.language = button.dataset.lang as Language;
      save();
      translate();
    });
  const text = $<HTMLTextAreaElement>('text');
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = text.value.trim();
    if (!value) return;
    void send(api, config, value).then((sent) => {
      if (sent) text.value = '';
      text.focus();
    });
  });
  // Enter sends, Shift+Enter starts a new line.
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $<HTMLFormElement>('composer').requestSubmit();
    }
  });
  $('end').addEventListener('click', () => void agent?.end());
  $('survey').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData($<HTMLFormElement>('survey'));
    const csat = form.get('csat')?.toString();
    const nps = form.get('nps')?.toString();
    const { surveyFor: contactId, surveyToken: token } = state;
    if (!contactId || !token || (!csat && !nps)) return;
    void api.survey({ contactId, token, ...(csat && { csat }), ...(nps && { nps }) }).then(
      () => finishSurvey(true),
      () => status('failed'),
    );
  });
  $('survey-skip').addEventListener('click', () => finishSurvey(false));
  $('new-chat').addEventListener('click', startNewChat);

  if (state.surveyFor) {
    composing(false);
    $('survey').hidden = false;
  } else if (state.agentChat) await connectAgent(config);
  else composing(true);
};

start().catch(() => {
  $('status').textContent = STRINGS[state.language].failed;
});
