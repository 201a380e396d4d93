import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from '#shared/data/page-cursor.ts';
import { domainFields } from '#shared/data/tables.ts';
import * as z from '#shared/zod.ts';
import { type Ticket, TicketSchema, type TicketStatus } from './ticket.schema.ts';
import { ticketKeys } from './ticket-keys.ts';
import type { TicketTable } from './ticket-table.ts';

/** The last key of a page of an agency's tickets in one status: a ticket item of that partition. */
const agencyStatusPageKey = (partition: string) =>
  z
    .strictObject({
      pk: z.string().check(z.regex(/^TICKET#\d{8}$/)),
      sk: z.literal('TICKET'),
      gsi1pk: z.literal(partition),
      gsi1sk: z.string().check(z.regex(/^[\dT:.Z+-]{10,40}#\d{8}$/)),
    })
    .check(z.refine(({ pk, gsi1sk }) => gsi1sk.endsWith(`#${pk.slice('TICKET#'.length)}`)));

/** The ticket lists: an agency's by status (gsi1), a caller's by keyed number (gsi2). */
export const ticketQueries = ({ client, tableName, hasher }: TicketTable) => {
  const parse = (item: Record<string, unknown>) => TicketSchema.parse(domainFields(item));

  const pageByAgencyStatus = async (
    agencyId: string,
    status: TicketStatus,
    { limit = 50, cursor }: { limit?: number; cursor?: string | undefined } = {},
  ): Promise<{ tickets: Ticket[]; cursor?: string }> => {
    const partition = ticketKeys.agencyStatusPartition(agencyId, status);
    const { Items = [], LastEvaluatedKey } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :agencyStatus',
        ExpressionAttributeValues: { ':agencyStatus': partition },
        Limit: limit,
        ...(cursor && {
          ExclusiveStartKey: decodeCursor(cursor, agencyStatusPageKey(partition)),
        }),
      }),
    );
    return {
      tickets: Items.map(parse),
      ...(LastEvaluatedKey && { cursor: encodeCursor(LastEvaluatedKey) }),
    };
  };

  return {
    /** An agency's tickets in one status, soonest due first, a page at a time. */
    pageByAgencyStatus,

    /** An agency's tickets in one status, soonest due first. */
    async listByAgencyStatus(
      agencyId: string,
      status: TicketStatus,
      limit = 50,
    ): Promise<Ticket[]> {
      return (await pageByAgencyStatus(agencyId, status, { limit })).tickets;
    },

    /** A caller's tickets, newest first: the index key is the number's keyed hash. */
    async listByCaller(callbackNumber: string, limit = 20): Promise<Ticket[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :caller',
          ExpressionAttributeValues: {
            ':caller': ticketKeys.callerPartition(await hasher.hash('phone', callbackNumber)),
          },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map(parse);
    },
  };
};
