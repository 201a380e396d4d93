import { may } from '#lambdas/tickets-api/permissions.ts';
import type { Role } from '#shared/roles.ts';
import { TICKET_STATUSES } from '#shared/tickets/statuses.ts';
import { el, element, headColumns } from './dom.ts';
import {
  AGENCIES,
  actionsFor,
  agencyName,
  CATEGORIES,
  categoryName,
  describeHistory,
  isOverdue,
  nairobiTime,
  needsText,
  SERVICES,
  serviceName,
  statusLabel,
  type TicketAction,
} from './ticket-view.ts';
import {
  type HistoryEntry,
  type Ticket,
  TicketApiError,
  type TicketStatus,
  type TicketsClient,
} from './tickets-api.ts';

/** The contact on the line, from the CCP: what a complaint lodged now is about. */
export interface CurrentContact {
  readonly contactId: string;
  /** The caller's number as Connect gives it (unmasked: sent only as the call-back number). */
  readonly callerNumber?: string;
  /** The masked number the screen pop shows. */
  readonly callerShown: string;
}

const option = (value: string, label: string) => {
  const node = el('option', label);
  node.value = value;
  return node;
};

/** The ticket list's columns, in the order `renderRow` gives its cells. */
const TICKET_COLUMNS = ['Reference', 'Status', 'Agency', 'Due'];

const fact = (label: string, value: string) => {
  const row = el('div');
  row.append(el('dt', label), el('dd', value));
  return row;
};

/**
 * The tickets panel: filter and list, a ticket's detail and history with its actions, and the
 * "Lodge a complaint" form. Every change sends the version the agent saw; a 409 shows the API's
 * message and reloads the ticket, so the agent acts on what is there now.
 */
export const createTicketsPanel = ({
  client,
  onSignedOut,
}: {
  readonly client: TicketsClient;
  /** A 401: the token expired or was refused. */
  readonly onSignedOut: () => void;
}) => {
  const message = element<HTMLParagraphElement>('tickets-message');
  const filterForm = element<HTMLFormElement>('ticket-filter');
  const agencySelect = element<HTMLSelectElement>('filter-agency');
  const statusSelect = element<HTMLSelectElement>('filter-status');
  const rows = element<HTMLTableElement>('ticket-list').tBodies[0]!;
  headColumns(rows, TICKET_COLUMNS);
  const more = element<HTMLButtonElement>('ticket-more');
  const detail = element<HTMLElement>('ticket-detail');
  const actionForm = element<HTMLFormElement>('ticket-action');
  const actionText = element<HTMLTextAreaElement>('ticket-action-text');
  const lodgeForm = element<HTMLFormElement>('lodge-form');
  const category = element<HTMLSelectElement>('lodge-category');
  const service = element<HTMLSelectElement>('lodge-service');
  const useCallerField = element<HTMLLabelElement>('lodge-use-caller-field');
  const useCaller = element<HTMLInputElement>('lodge-use-caller');
  const number = element<HTMLInputElement>('lodge-number');
  const description = element<HTMLTextAreaElement>('lodge-description');
  const contactLine = element<HTMLParagraphElement>('lodge-contact');

  let shown: Ticket | undefined;
  let shownHistory: readonly HistoryEntry[] = [];
  let cursor: string | undefined;
  let contact: CurrentContact | undefined;
  /** The signed-in user's role, when known: only the actions the API accepts from it show. */
  let role: Role | undefined;
  // One id per complaint being written: a double submit lodges once (one complaint per contact).
  let offCallId = `desktop-${crypto.randomUUID()}`;

  const say = (text: string, kind: 'error' | 'info' = 'info') => {
    message.textContent = text;
    message.dataset.kind = kind;
  };
  /** Shows what the API said; a refused token signs the user out. */
  const report = (error: unknown): void => {
    if (error instanceof TicketApiError) {
      say(error.describe(), 'error');
      if (error.needsSignIn) onSignedOut();
    } else say(`Something went wrong: ${String(error)}`, 'error');
  };

  agencySelect.append(
    option('', 'My agency (focal persons only)'),
    ...AGENCIES.map(({ id, name }) => option(id, name)),
  );
  statusSelect.append(...TICKET_STATUSES.map((status) => option(status, statusLabel(status))));
  category.append(...CATEGORIES.map(({ id, name }) => option(id, name)));
  service.append(
    option('', 'No particular service'),
    ...SERVICES.map(({ id, name, agency }) => option(id, `${name} (${agencyName(agency)})`)),
  );

  const renderRow = (ticket: Ticket) => {
    const row = el('tr');
    const link = el('button', ticket.reference);
    link.type = 'button';
    link.className = 'link';
    link.addEventListener('click', () => void open(ticket.reference));
    const reference = el('td');
    reference.append(link);
    const due = el('td', nairobiTime(ticket.dueAt));
    if (isOverdue(ticket, Date.now())) {
      row.className = 'overdue';
      due.append(el('strong', ' overdue'));
    }
    row.append(
      reference,
      el('td', statusLabel(ticket.status)),
      el('td', agencyName(ticket.agencyId)),
      due,
    );
    return row;
  };

  const list = async (append = false) => {
    try {
      const page = await client.list({
        agencyId: agencySelect.value || undefined,
        status: statusSelect.value as TicketStatus,
        ...(append && cursor && { cursor }),
      });
      if (!append) rows.replaceChildren();
      rows.append(...page.tickets.map(renderRow));
      cursor = page.cursor;
      more.hidden = cursor === undefined;
      if (!append && page.tickets.length === 0) say('No tickets with this status.');
      else say('');
    } catch (error) {
      if (!append) rows.replaceChildren();
      more.hidden = true;
      if (error instanceof TicketApiError && error.fields.includes('query.agencyId'))
        say('Choose an agency: only agency focal persons have an agency of their own.', 'error');
      else report(error);
    }
  };

  const renderDetail = (ticket: Ticket, history: readonly HistoryEntry[]) => {
    shown = ticket;
    shownHistory = history;
    detail.hidden = false;
    element('ticket-title').textContent = `Ticket ${ticket.reference}`;
    const facts = element<HTMLDListElement>('ticket-facts');
    facts.replaceChildren(
      fact('Status', statusLabel(ticket.status)),
      fact('Agency', agencyName(ticket.agencyId)),
      fact('Category', categoryName(ticket.category)),
      fact(
        'Due',
        `${nairobiTime(ticket.dueAt)}${isOverdue(ticket, Date.now()) ? ' (overdue)' : ''}`,
      ),
    );
    if (ticket.serviceId) facts.append(fact('Service', serviceName(ticket.serviceId)));
    if (ticket.description) facts.append(fact('Description', ticket.description));
    if (ticket.resolution) facts.append(fact('Resolution', ticket.resolution.text));
    element<HTMLOListElement>('ticket-history').replaceChildren(
      ...history.map((entry) => {
        const { who, when, what } = describeHistory(entry);
        const item = el('li');
        item.append(el('time', when), el('span', ` ${who}: `), el('span', what));
        return item;
      }),
    );
    const allowed = actionsFor(ticket.status, role);
    for (const button of actionForm.querySelectorAll('button'))
      button.hidden = !allowed.includes(button.value as TicketAction);
  };

  const open = async (reference: string) => {
    try {
      const { ticket, history } = await client.get(reference);
      renderDetail(ticket, history);
      say('');
    } catch (error) {
      report(error);
    }
  };

  const act = async (action: TicketAction, text: string) => {
    if (!shown) return;
    const { reference, version } = shown;
    if (needsText(action) && !text) {
      say('Write the note, resolution or reason first.', 'error');
      return;
    }
    try {
      if (action === 'note') await client.addNote(reference, text);
      if (action === 'acknowledge')
        await client.acknowledge(reference, { version, ...(text && { note: text }) });
      if (action === 'resolve') await client.resolve(reference, { resolution: text, version });
      if (action === 'reopen') await client.reopen(reference, { reason: text, version });
      actionText.value = '';
      await list();
      await open(reference);
      say(`Ticket ${reference}: done.`);
    } catch (error) {
      // Someone else changed the ticket: show it as it is now, keeping the agent's text.
      if (error instanceof TicketApiError && error.isConflict) {
        await open(reference);
        say(`${error.describe()} The ticket has been reloaded: check it and try again.`, 'error');
      } else report(error);
    }
  };

  const renderContact = () => {
    const caller = contact?.callerNumber;
    useCallerField.hidden = !caller;
    element('lodge-caller').textContent = contact?.callerShown ?? '';
    element('lodge-number-field').hidden = Boolean(caller && useCaller.checked);
    contactLine.textContent = contact
      ? `For the contact on the line (${contact.contactId}).`
      : `Not on a call: lodged as ${offCallId}.`;
  };

  const lodge = async () => {
    const callbackNumber =
      contact?.callerNumber && useCaller.checked ? contact.callerNumber : number.value.trim();
    try {
      const { ticket, created } = await client.lodge({
        contactId: contact?.contactId ?? offCallId,
        categoryId: category.value,
        ...(service.value && { serviceId: service.value }),
        ...(callbackNumber && { callbackNumber }),
        description: description.value.trim(),
      });
      description.value = '';
      number.value = '';
      if (!contact) offCallId = `desktop-${crypto.randomUUID()}`;
      renderContact();
      // Show the new ticket among its agency's open tickets, then say what happened.
      agencySelect.value = ticket.agencyId;
      statusSelect.value = 'OPEN';
      await list();
      await open(ticket.reference);
      say(
        created
          ? `Complaint lodged: reference ${ticket.reference}, due ${nairobiTime(ticket.dueAt)}.`
          : `This contact already has complaint ${ticket.reference}.`,
      );
    } catch (error) {
      report(error);
    }
  };

  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void list();
  });
  more.addEventListener('click', () => void list(true));
  actionForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const action = (event.submitter as HTMLButtonElement | null)?.value as TicketAction;
    void act(action, actionText.value.trim());
  });
  lodgeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void lodge();
  });
  useCaller.addEventListener('change', renderContact);
  renderContact();

  return {
    /**
     * Loads the list for the current filter (after sign-in). Only a focal person has an agency
     * of their own: anyone else is asked to pick one first, rather than shown an error.
     */
    refresh: async () => {
      if (role === 'agency' || agencySelect.value) return list();
      rows.replaceChildren();
      more.hidden = true;
      say('Pick an agency and a status, then Show, to list its tickets.');
    },
    /** The CCP's contact changed: prefill the complaint form (undefined when the call ended). */
    setContact(next: CurrentContact | undefined) {
      contact = next;
      useCaller.checked = true;
      renderContact();
    },
    /** Who signed in: hides what their role may not do (lodging, some actions). */
    setRole(next: Role | undefined) {
      role = next;
      element('lodge').hidden = role !== undefined && !may(role, 'create');
      if (shown) renderDetail(shown, shownHistory);
    },
    clear() {
      rows.replaceChildren();
      detail.hidden = true;
      shown = undefined;
    },
  };
};
