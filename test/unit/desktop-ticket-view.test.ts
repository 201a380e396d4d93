import {
  actionsFor,
  CATEGORIES,
  describeHistory,
  isOverdue,
  SERVICES,
} from '../../agent-desktop/src/ticket-view.ts';
import type { Ticket } from '../../agent-desktop/src/tickets-api.ts';

const ticket = (overrides: Partial<Ticket> = {}): Ticket => ({
  reference: '71234567',
  status: 'OPEN',
  agencyId: 'immigration',
  category: 'delay',
  createdAt: '2026-12-01T07:00:00.000Z',
  updatedAt: '2026-12-01T07:00:00.000Z',
  dueAt: '2026-12-04T07:00:00.000Z',
  version: 1,
  ...overrides,
});
const BEFORE_DUE = Date.parse('2026-12-03T07:00:00Z');
const AFTER_DUE = Date.parse('2026-12-05T07:00:00Z');

describe('tickets panel view', () => {
  it('marks a ticket overdue past its deadline or once breached, never once resolved', () => {
    expect(isOverdue(ticket(), BEFORE_DUE)).toBe(false);
    expect(isOverdue(ticket(), AFTER_DUE)).toBe(true);
    expect(isOverdue(ticket({ breachedAt: '2026-12-02T07:00:00.000Z' }), BEFORE_DUE)).toBe(true);
    expect(isOverdue(ticket({ status: 'RESOLVED' }), AFTER_DUE)).toBe(false);
  });

  it('offers the actions the API accepts in each status', () => {
    expect(actionsFor('OPEN')).toEqual(['note', 'acknowledge', 'resolve']);
    expect(actionsFor('ACKNOWLEDGED')).toEqual(['note', 'resolve']);
    expect(actionsFor('RESOLVED')).toEqual(['note', 'reopen']);
    expect(actionsFor('CLOSED')).toEqual(['note', 'reopen']);
  });

  it('offers a role only what the API accepts from it', () => {
    expect(actionsFor('OPEN', 'agent')).toEqual(['note', 'resolve']);
    expect(actionsFor('OPEN', 'agency')).toEqual(['note', 'acknowledge', 'resolve']);
    expect(actionsFor('RESOLVED', 'agency')).toEqual(['note']);
    expect(actionsFor('RESOLVED', 'supervisor')).toEqual(['note', 'reopen']);
  });

  it('tells who did what and when, in Nairobi time', () => {
    expect(
      describeHistory({
        at: '2026-12-01T07:00:00.000Z',
        by: { kind: 'agency', id: 'focal.immigration' },
        action: 'STATUS_CHANGED',
        fromStatus: 'OPEN',
        toStatus: 'ACKNOWLEDGED',
        note: 'Looking into it',
      }),
    ).toEqual({
      who: 'focal.immigration (agency)',
      when: '1 Dec 2026, 10:00',
      what: 'Status changed: Open → Acknowledged — Looking into it',
    });
    expect(describeHistory({ at: 'x', by: { kind: 'system' }, action: 'BREACHED' }).who).toBe(
      'system',
    );
  });

  it('offers the categories and services the API validates against (data/)', () => {
    expect(CATEGORIES.map((c) => c.id)).toContain('delay');
    expect(SERVICES.find((s) => s.id === 'passport')).toMatchObject({ agency: 'immigration' });
  });
});
