import { el, element, headColumns } from './dom.ts';
import type { Article, KnowledgeClient, Language } from './knowledge-api.ts';
import {
  articleSections,
  callerLanguage,
  feeRows,
  prefillFor,
  sourceLine,
} from './knowledge-view.ts';
import { agencyName } from './ticket-view.ts';
import { TicketApiError } from './tickets-api.ts';

/** Wait this long after the last key before searching. */
export const SEARCH_DEBOUNCE_MS = 250;
const MIN_QUERY = 2;
/** The fees table's columns, in the order `render` gives a fee's cells. */
const FEE_COLUMNS = ['Fee', 'Amount', 'From', 'Source'];

/** The contact on the line, as the knowledge panel needs it: its id and its IVR attributes. */
export interface KnowledgeContact {
  readonly contactId: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

/**
 * The knowledge panel: results as the agent types (debounced; a slower answer to an older query
 * never replaces a newer one), the article in the caller's language with its fees and their
 * sources, and "send to the caller by SMS" for the contact on the line (by contact id: the
 * staff API finds the number). Data reaches the page only as textContent.
 */
export const createKnowledgePanel = ({
  client,
  onSignedOut,
}: {
  readonly client: KnowledgeClient;
  readonly onSignedOut: () => void;
}) => {
  const section = element('knowledge');
  const body = element('knowledge-body');
  const form = element<HTMLFormElement>('knowledge-search');
  const input = element<HTMLInputElement>('knowledge-q');
  const langSelect = element<HTMLSelectElement>('knowledge-lang');
  const message = element('knowledge-message');
  const results = element<HTMLOListElement>('knowledge-results');
  const view = element('knowledge-article');
  const sms = element<HTMLButtonElement>('knowledge-sms');
  const smsNote = element('knowledge-sms-note');
  const feeBody = element<HTMLTableElement>('knowledge-fees').tBodies[0]!;
  headColumns(feeBody, FEE_COLUMNS);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  // Likewise for articles: the one chosen last is shown, however the answers arrive.
  let latestOpen = 0;
  let shown: Article | undefined;
  let contact: KnowledgeContact | undefined;
  let signedIn = false;
  /** The article the contact's IVR choice names, opened once the agent is signed in. */
  let pending: string | undefined;

  const lang = () => langSelect.value as Language;
  const say = (text: string, kind: 'error' | 'info' = 'info') => {
    message.textContent = text;
    message.dataset.kind = kind;
  };
  const report = (error: unknown) => {
    if (error instanceof TicketApiError) {
      say(error.describe(), 'error');
      if (error.needsSignIn) onSignedOut();
    } else say(`Something went wrong: ${String(error)}`, 'error');
  };

  const search = async (q: string) => {
    const asked = ++latest;
    try {
      const answer = await client.search(q, lang());
      if (asked !== latest) return;
      results.replaceChildren(
        ...answer.results.map((result) => {
          const item = el('li');
          const link = el('button', result.title);
          link.type = 'button';
          link.className = 'link';
          link.dataset.id = result.id;
          link.addEventListener('click', () => void open(result.id));
          item.append(link);
          if (result.summary) item.append(el('p', result.summary));
          return item;
        }),
      );
      say(answer.results.length ? '' : `Nothing found for “${q}”.`);
    } catch (error) {
      if (asked === latest) report(error);
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < MIN_QUERY) {
      latest++;
      results.replaceChildren();
      say(q ? '' : 'Type what the caller asks about: a service, a document, an agency.');
      return;
    }
    timer = setTimeout(() => void search(q), SEARCH_DEBOUNCE_MS);
  };

  const render = () => {
    if (!shown) {
      view.hidden = true;
      return;
    }
    const language = shown.lang;
    const content = shown;
    view.hidden = false;
    view.lang = language;
    view.dataset.id = content.id;
    element('knowledge-title').textContent = content.title;
    element('knowledge-summary').textContent = content.summary;
    element('knowledge-answer').replaceChildren(
      ...content.answer
        .split(/\n{2,}/)
        .filter(Boolean)
        .map((paragraph) => el('p', paragraph)),
    );
    element('knowledge-sections').replaceChildren(
      ...articleSections(content, language).flatMap(({ heading, items }) => {
        const list = el('ul');
        list.append(...items.map((item) => el('li', item)));
        return [el('h4', heading), list];
      }),
    );
    const fees = feeRows(shown.fees, language);
    element('knowledge-fees-block').hidden = fees.length === 0;
    feeBody.replaceChildren(
      ...fees.map((fee) => {
        const row = el('tr');
        row.className = fee.disputed ? 'fee disputed' : 'fee';
        const source = el('td', sourceLine(fee.source));
        if (fee.note) source.append(el('p', fee.disputed ? `Disputed: ${fee.note}` : fee.note));
        row.append(el('td', fee.label), el('td', fee.amount), el('td', fee.from), source);
        return row;
      }),
    );
    element('knowledge-sources').replaceChildren(
      ...shown.sources.map((source) => {
        const item = el('li', sourceLine(source));
        if (source.url) {
          const link = el('a', ' (open)');
          link.href = source.url;
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
          item.append(link);
        }
        return item;
      }),
    );
    const stale = shown.reviewOverdue;
    const meta = element('knowledge-meta');
    meta.textContent = `${agencyName(shown.agencyId)} · review by ${shown.reviewBy}${stale ? ' · past its review date: check with the agency' : ''}`;
    meta.dataset.kind = stale ? 'error' : 'info';
    renderSms();
  };

  const renderSms = () => {
    sms.disabled = !contact || !shown;
    smsNote.textContent = contact
      ? `Sends the ${lang() === 'sw' ? 'Kiswahili' : 'English'} summary to the number on the line.`
      : 'Not on a call: there is no caller to send it to.';
  };

  const open = async (id: string) => {
    const asked = ++latestOpen;
    try {
      const answer = await client.article(id, lang());
      if (asked !== latestOpen) return;
      shown = answer;
      render();
      say('');
    } catch (error) {
      if (asked === latestOpen) report(error);
    }
  };

  const send = async () => {
    if (!shown || !contact) return;
    sms.disabled = true;
    try {
      const answer = await client.sendSms(shown.id, { contactId: contact.contactId, lang: lang() });
      const to = answer.to ? ` (${answer.to})` : '';
      say(
        answer.outcome === 'SENT'
          ? `Sent to the caller by SMS${to}: “${shown.title}”.`
          : `Already sent to the caller on this call${to}.`,
      );
    } catch (error) {
      report(error);
    } finally {
      renderSms();
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length >= MIN_QUERY) void search(q);
  });
  input.addEventListener('input', schedule);
  langSelect.addEventListener('change', () => {
    if (shown) void open(shown.id);
    schedule();
  });
  sms.addEventListener('click', () => void send());
  renderSms();

  return {
    /** Signed in or out: the panel needs the staff API. */
    setSignedIn(next: boolean) {
      const arrived = next && !signedIn;
      signedIn = next;
      section.hidden = false;
      body.hidden = !signedIn;
      if (!arrived) return;
      schedule();
      if (pending) void open(pending);
      pending = undefined;
    },
    /** The contact on the line: its language, and a search from what it chose in the IVR. */
    setContact(next: KnowledgeContact | undefined) {
      const fresh = next?.contactId !== contact?.contactId;
      contact = next;
      if (next && fresh) {
        langSelect.value = callerLanguage(next.attributes);
        const prefill = prefillFor(next.attributes, lang());
        if (prefill) {
          input.value = prefill.query;
          if (signedIn) {
            schedule();
            if (prefill.articleId) void open(prefill.articleId);
          } else pending = prefill.articleId;
        }
      }
      renderSms();
    },
    focus: () => input.focus(),
  };
};

export type KnowledgePanel = ReturnType<typeof createKnowledgePanel>;
