import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from '#shared/data/conditional.ts';
import { queryAll } from './client.ts';
import { ticketKeys } from './tickets/ticket-keys.ts';
import { TicketStatusSchema } from './tickets.repository.ts';

/**
 * The one-off migration to the complaint SLA index (gsi3): gives every complaint written before
 * the index existed its `gsi3pk`/`gsi3sk`, walking the agency-status index (gsi1) once per
 * agency and status (no Scan). Idempotent and safe beside live traffic: each update is
 * conditional on the keys still missing and the status unchanged (a status change writes the
 * keys itself). Run once after the deploy that adds the index (docs/data-model.md).
 */
export const backfillComplaintSlaKeys = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  agencyIds: readonly string[],
): Promise<{ readonly complaints: number; readonly updated: number }> => {
  let complaints = 0;
  let updated = 0;
  for (const agencyId of agencyIds)
    for (const status of TicketStatusSchema.options) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: '#type = :complaint AND attribute_not_exists(gsi3pk)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':pk': ticketKeys.agencyStatusPartition(agencyId, status),
          ':complaint': 'COMPLAINT',
        },
      });
      for (const item of items) {
        complaints++;
        const ticket = {
          type: 'COMPLAINT' as const,
          status,
          dueAt: String(item.dueAt),
          reference: String(item.reference),
        };
        const keys = ticketKeys.complaintSla(ticket);
        if (!('gsi3pk' in keys)) continue;
        const indexed = await ifConditionHolds(
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: ticketKeys.ticket(ticket.reference),
              UpdateExpression: 'SET gsi3pk = :gsi3pk, gsi3sk = :gsi3sk',
              ConditionExpression: 'attribute_not_exists(gsi3pk) AND #status = :status',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':gsi3pk': keys.gsi3pk,
                ':gsi3sk': keys.gsi3sk,
                ':status': status,
              },
            }),
          ),
        );
        if (indexed) updated++;
      }
    }
  return { complaints, updated };
};
