import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';
import { CLOSED_STATUSES, type Ticket, ticketFromImage } from '#shared/data/tickets.repository.ts';

/**
 * The Tickets stream changes escalation acts on, as event source mapping filter patterns
 * (CDK uses them on the mapping; the local stream reader applies the same patterns):
 * a complaint created; a complaint resolved or closed; a complaint reopened.
 */
export const ESCALATION_STREAM_FILTERS = [
  {
    eventName: ['INSERT'],
    dynamodb: { NewImage: { entity: { S: ['TICKET'] }, type: { S: ['COMPLAINT'] } } },
  },
  {
    eventName: ['MODIFY'],
    dynamodb: {
      NewImage: {
        entity: { S: ['TICKET'] },
        type: { S: ['COMPLAINT'] },
        status: { S: [...CLOSED_STATUSES] },
      },
      OldImage: { status: { S: [{ 'anything-but': [...CLOSED_STATUSES] }] } },
    },
  },
  {
    eventName: ['MODIFY'],
    dynamodb: {
      NewImage: {
        entity: { S: ['TICKET'] },
        type: { S: ['COMPLAINT'] },
        status: { S: [{ 'anything-but': [...CLOSED_STATUSES] }] },
      },
      OldImage: { status: { S: [...CLOSED_STATUSES] } },
    },
  },
] as const;

/** What happened to a ticket, read from a stream record. */
export type TicketChange =
  | { readonly kind: 'created'; readonly ticket: Ticket }
  | { readonly kind: 'closed'; readonly ticket: Ticket }
  | { readonly kind: 'reopened'; readonly ticket: Ticket }
  | { readonly kind: 'other' };

const image = (attributes: Record<string, LambdaAttributeValue> | undefined) =>
  attributes && ticketFromImage(unmarshall(attributes as never));

/** Classifies a Tickets stream record (already filtered, but checked again here). */
export const ticketChange = (record: DynamoDBRecord): TicketChange => {
  const newImage = record.dynamodb?.NewImage;
  if (newImage?.entity?.S !== 'TICKET' || newImage.type?.S !== 'COMPLAINT')
    return { kind: 'other' };
  const ticket = image(newImage)!;
  if (record.eventName === 'INSERT') return { kind: 'created', ticket };
  const before = record.dynamodb?.OldImage?.status?.S as Ticket['status'] | undefined;
  if (record.eventName !== 'MODIFY' || !before) return { kind: 'other' };
  const wasClosed = CLOSED_STATUSES.includes(before);
  const isClosed = CLOSED_STATUSES.includes(ticket.status);
  if (!wasClosed && isClosed) return { kind: 'closed', ticket };
  if (wasClosed && !isClosed) return { kind: 'reopened', ticket };
  return { kind: 'other' };
};
