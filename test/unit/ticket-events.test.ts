import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { passesFilters } from '#local/escalation/filter-pattern.ts';
import { parseShift } from '#local/sim-clock.ts';
import { ESCALATION_STREAM_FILTERS, ticketChange } from '#shared/tickets/ticket-events.ts';

const ticket = (status: string, type = 'COMPLAINT') => ({
  pk: 'TICKET#70000009',
  sk: 'TICKET',
  entity: 'TICKET',
  schemaVersion: 1,
  reference: '70000009',
  type,
  status,
  priority: 'normal',
  agencyId: 'nrb',
  category: 'delay',
  lang: 'en',
  channel: 'ivr',
  createdBy: { kind: 'caller' },
  contactId: 'c-1',
  createdAt: '2026-12-01T07:00:00.000Z',
  updatedAt: '2026-12-01T07:00:00.000Z',
  dueAt: '2026-12-04T07:00:00.000Z',
  slaPolicyId: 'complaint-standard',
  escalationLevel: 1,
});
const record = (
  eventName: 'INSERT' | 'MODIFY',
  newImage: object,
  oldImage?: object,
): DynamoDBRecord =>
  ({
    eventName,
    dynamodb: {
      NewImage: marshall(newImage),
      ...(oldImage && { OldImage: marshall(oldImage) }),
    },
  }) as DynamoDBRecord;

describe('the Tickets stream events escalation acts on', () => {
  it.each([
    ['a complaint created', record('INSERT', ticket('OPEN')), true, 'created'],
    ['a complaint resolved', record('MODIFY', ticket('RESOLVED'), ticket('OPEN')), true, 'closed'],
    [
      'a complaint reopened',
      record('MODIFY', ticket('OPEN'), ticket('RESOLVED')),
      true,
      'reopened',
    ],
    [
      'a service request created',
      record('INSERT', ticket('OPEN', 'SERVICE_REQUEST')),
      false,
      'other',
    ],
    [
      'a history entry',
      record('INSERT', { ...ticket('OPEN'), entity: 'TICKET_HISTORY' }),
      false,
      'other',
    ],
    [
      'an acknowledgement',
      record('MODIFY', ticket('ACKNOWLEDGED'), ticket('OPEN')),
      false,
      'other',
    ],
    [
      'a resolved ticket updated',
      record('MODIFY', ticket('RESOLVED'), ticket('RESOLVED')),
      false,
      'other',
    ],
  ])('%s: passes the filters %s, classified %s', (_, event, passes, kind) => {
    expect(passesFilters(ESCALATION_STREAM_FILTERS, event)).toBe(passes);
    expect(ticketChange(event).kind).toBe(kind);
  });
});

describe('npm run clock shifts', () => {
  it.each([
    ['+25h', 25 * 3_600_000],
    ['+90m', 90 * 60_000],
    ['+3d', 3 * 86_400_000],
    ['-1h', -3_600_000],
    ['25h', undefined],
    ['+1w', undefined],
  ])('%s is %s ms', (text, ms) => {
    expect(parseShift(text)).toBe(ms);
  });
});
