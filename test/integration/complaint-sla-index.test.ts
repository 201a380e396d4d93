import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createComplaintSlaRepository } from '#shared/data/complaint-sla.repository.ts';
import { backfillComplaintSlaKeys } from '#shared/data/complaint-sla-backfill.ts';
import { ticketKeys } from '#shared/data/tickets/ticket-keys.ts';
import { createTicketRepository, type Ticket } from '#shared/data/tickets.repository.ts';
import { documentClient, tableNames } from '../support/data.ts';
import { openCallerTicket } from '../support/tickets.ts';

const tickets = createTicketRepository(documentClient, tableNames.tickets);
const sla = createComplaintSlaRepository(documentClient, tableNames.tickets);
const HOUR = 3_600_000;

/** An agency of its own per test: the backfill walks only the agencies it is given. */
const agency = () => `sla${randomUUID().slice(0, 8)}`;

const open = (agencyId: string, createdAt: number, type: Ticket['type'] = 'COMPLAINT') =>
  openCallerTicket(tickets, { agencyId, createdAt, type });

/** A complaint as it was stored before the SLA index existed: no gsi3 keys. */
const withoutSlaKeys = (reference: string) =>
  documentClient.send(
    new UpdateCommand({
      TableName: tableNames.tickets,
      Key: ticketKeys.ticket(reference),
      UpdateExpression: 'REMOVE gsi3pk, gsi3sk',
    }),
  );

const references = (list: readonly Ticket[]) => list.map((ticket) => ticket.reference);

describe('the complaint SLA index (gsi3)', () => {
  it('holds a running complaint in one partition and moves it to its due day when resolved', async () => {
    const overdue = await open(agency(), Date.now() - 100 * HOUR);

    expect(references(await sla.listRunningDueBefore(new Date()))).toContain(overdue.reference);
    await tickets.changeStatus(
      {
        reference: overdue.reference,
        from: 'OPEN',
        to: 'RESOLVED',
        at: new Date().toISOString(),
        by: { kind: 'agency', id: 'supervisor' },
        expectedVersion: 1,
      },
      overdue,
    );

    expect(references(await sla.listRunningDueBefore(new Date()))).not.toContain(overdue.reference);
    const createdFrom = new Date(Date.parse(overdue.createdAt) - HOUR);
    const logged = await sla.listCreatedBetween(
      { createdFrom, createdTo: new Date(createdFrom.getTime() + 2 * HOUR) },
      { dueFrom: createdFrom, dueTo: new Date(createdFrom.getTime() + 96 * HOUR) },
    );
    expect(logged.find((ticket) => ticket.reference === overdue.reference)?.status).toBe(
      'RESOLVED',
    );
  });

  it('leaves service requests out', async () => {
    const request = await open(agency(), Date.now() - 100 * HOUR, 'SERVICE_REQUEST');

    expect(references(await sla.listRunningDueBefore(new Date()))).not.toContain(request.reference);
  });

  it('backfills complaints written before the index, once, and leaves the rest alone', async () => {
    const agencyId = agency();
    const old = await open(agencyId, Date.now() - 100 * HOUR);
    const recent = await open(agencyId, Date.now() - HOUR);
    await withoutSlaKeys(old.reference);
    expect(references(await sla.listRunningDueBefore(new Date()))).not.toContain(old.reference);

    const first = await backfillComplaintSlaKeys(documentClient, tableNames.tickets, [agencyId]);
    const second = await backfillComplaintSlaKeys(documentClient, tableNames.tickets, [agencyId]);

    expect(first).toEqual({ complaints: 1, updated: 1 });
    expect(second).toEqual({ complaints: 0, updated: 0 });
    const running = references(await sla.listRunningDueBefore(new Date(Date.now() + 96 * HOUR)));
    expect(running).toEqual(expect.arrayContaining([old.reference, recent.reference]));
  });
});
