import agencies from '#data/agencies.json' with { type: 'json' };
import categoriesFile from '#data/complaint-categories.json' with { type: 'json' };
import services from '#data/huduma-services.json' with { type: 'json' };
import { may } from '#lambdas/tickets-api/permissions.ts';
import type { Role } from '#shared/roles.ts';
import type { HistoryEntry, Ticket, TicketStatus } from './tickets-api.ts';

/**
 * What the tickets panel shows, as pure functions of the API's data (no DOM): labels, the
 * overdue mark and which actions a ticket's status allows. The catalogue is the one in data/,
 * the same files the API validates `categoryId` and `serviceId` against.
 */

export interface Choice {
  readonly id: string;
  readonly name: string;
}

export const AGENCIES: readonly Choice[] = agencies.map(({ id, name }) => ({ id, name }));
export const CATEGORIES: readonly Choice[] = categoriesFile.categories.map(({ id, name }) => ({
  id,
  name,
}));
export const SERVICES: readonly (Choice & { readonly agency: string })[] = services.map(
  ({ id, name, agency }) => ({ id, name, agency }),
);

const nameOf = (choices: readonly Choice[], id: string | undefined) =>
  (id && choices.find((choice) => choice.id === id)?.name) || id || '';

export const agencyName = (id: string) => nameOf(AGENCIES, id);
export const categoryName = (id: string) => nameOf(CATEGORIES, id);
export const serviceName = (id: string | undefined) => nameOf(SERVICES, id);

const CLOSED: readonly TicketStatus[] = ['RESOLVED', 'CLOSED'];

export const statusLabel = (status: TicketStatus): string =>
  status.charAt(0) + status.slice(1).toLowerCase().replaceAll('_', ' ');

/** Past its resolution deadline and still with the agency (or marked breached by the escalation). */
export const isOverdue = (ticket: Ticket, now: number): boolean =>
  !CLOSED.includes(ticket.status) &&
  (ticket.breachedAt !== undefined || Date.parse(ticket.dueAt) < now);

/** An instant as the contact centre reads it: Nairobi time. */
export const nairobiTime = (iso: string): string => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString('en-GB', {
    timeZone: 'Africa/Nairobi',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
};

export type TicketAction = 'note' | 'acknowledge' | 'resolve' | 'reopen';

/** The actions the API accepts in a status from a role (any role when unknown: the API decides). */
export const actionsFor = (status: TicketStatus, role?: Role): readonly TicketAction[] =>
  (
    [
      'note',
      ...(status === 'OPEN' ? (['acknowledge'] as const) : []),
      ...(CLOSED.includes(status) ? (['reopen'] as const) : (['resolve'] as const)),
    ] as const
  ).filter((action) => role === undefined || may(role, action));

/** Whether the action needs text: a note, a resolution or a reason; acknowledging does not. */
export const needsText = (action: TicketAction): boolean => action !== 'acknowledge';

const ACTIONS: Record<string, string> = {
  CREATED: 'Lodged',
  STATUS_CHANGED: 'Status changed',
  ESCALATED: 'Escalated',
  NOTE_ADDED: 'Note',
  CUSTOMER_NOTIFIED: 'Customer notified',
  AGENCY_NOTIFIED: 'Agency notified',
  REMINDER_SENT: 'Reminder sent',
  BREACHED: 'Deadline passed',
  OVERDUE_REMINDER_SENT: 'Overdue reminder sent',
  CALLBACK_ATTEMPTED: 'Call-back placed',
  CALLBACK_ANSWERED: 'Call-back answered',
  CALLBACK_UNANSWERED: 'Call-back unanswered',
};

/** One history line: who, when, what. */
export const describeHistory = (
  entry: HistoryEntry,
): { readonly who: string; readonly when: string; readonly what: string } => {
  const action = ACTIONS[entry.action] ?? entry.action;
  const change =
    entry.fromStatus && entry.toStatus
      ? `: ${statusLabel(entry.fromStatus)} → ${statusLabel(entry.toStatus)}`
      : '';
  return {
    who: entry.by.id ? `${entry.by.id} (${entry.by.kind})` : entry.by.kind,
    when: nairobiTime(entry.at),
    what: `${action}${change}${entry.note ? ` — ${entry.note}` : ''}`,
  };
};
