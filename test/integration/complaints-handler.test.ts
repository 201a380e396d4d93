import { randomUUID } from 'node:crypto';
import { createAgentComplaint } from '#lambdas/complaints/create-agent-complaint.ts';
import { localHandler } from '#local/handlers.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { checkDigit, isValidReference } from '#shared/reference.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { uniqueCaller, uniqueDigits } from '../support/data.ts';
import { repositories } from '../support/repositories.ts';

const handler = localHandler('complaints');

const complaints = (
  parameters: Record<string, string>,
  options?: Parameters<typeof connectEvent>[1],
) => handler(connectEvent(parameters, options), lambdaContext('complaints'));

const { tickets } = repositories;
const notificationsTo = (to: string) => localOutbox.filter((n) => n.to === to);
const HOUR = 3_600_000;

/** A well-formed complaint reference (right check digit) that no ticket has. */
const unusedReference = () => {
  const body = uniqueDigits(7, '70');
  return body + checkDigit(body);
};

/** A complaint lodged through the IVR by a caller of its own. */
const lodge = async (parameters: Record<string, string> = {}, customerNumber = uniqueCaller()) => {
  const result = await complaints(
    { operation: 'create', categoryKey: '1', serviceKey: '3', lang: 'en', ...parameters },
    { customerNumber },
  );
  return { result, customerNumber, reference: String(result.reference) };
};

describe('complaints handler: lodging from the IVR', () => {
  it('creates an open complaint owned by the service’s agency, due in 72 hours, and says the reference', async () => {
    // Act
    const before = Date.now();
    const { result, customerNumber, reference } = await lodge({
      categoryKey: '1',
      serviceKey: '3',
    });

    // Assess
    expect(result).toMatchObject({
      outcome: 'CREATED',
      agencyId: 'immigration',
      categoryId: 'delay',
      serviceId: 'passport',
      smsSent: 'true',
      sayPrompt: 'complaints.created',
      say: `Your complaint has been recorded. Your reference number is ${[...reference].join(' ')}. The agency concerned will respond within 72 hours. We have sent the reference to you by SMS.`,
    });
    expect(reference).toMatch(/^7\d{7}$/);
    expect(isValidReference(reference)).toBe(true);

    const ticket = await tickets.get(reference);
    expect(ticket).toMatchObject({
      schemaVersion: 1,
      type: 'COMPLAINT',
      status: 'OPEN',
      priority: 'normal',
      agencyId: 'immigration',
      category: 'delay',
      serviceId: 'passport',
      callbackNumber: customerNumber,
      lang: 'en',
      channel: 'ivr',
      createdBy: { kind: 'caller' },
      slaPolicyId: 'complaint-standard',
      escalationLevel: 1,
    });
    expect(ticket?.description).toBeUndefined();
    const created = Date.parse(ticket!.createdAt);
    expect(created).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(ticket!.dueAt) - created).toBe(72 * HOUR);
    expect(result.dueAt).toBe(ticket!.dueAt);

    await expect(tickets.history(reference)).resolves.toEqual([
      {
        reference,
        at: ticket!.createdAt,
        by: { kind: 'caller' },
        action: 'CREATED',
        toStatus: 'OPEN',
      },
    ]);
  });

  it('texts the reference to the caller through the notifier', async () => {
    const { customerNumber, reference } = await lodge({ lang: 'sw' });

    expect(notificationsTo(customerNumber)).toEqual([
      {
        id: `ticket-acknowledgement#${reference}`,
        channel: 'sms',
        to: customerNumber,
        lang: 'sw',
        prompt: 'complaints.sms.acknowledgement',
        vars: { reference, hours: 72 },
      },
    ]);
  });

  it('speaks Kiswahili from recorded clips', async () => {
    const { result } = await lodge({ lang: 'sw' });

    expect(result.say).toMatch(/^Lalamiko lako limerekodiwa\. Nambari yako ya kumbukumbu ni saba /);
    expect(result.say).toContain('ndani ya saa sabini na mbili');
    expect(Number(result.clipCount)).toBeLessThanOrEqual(16);
  });

  it('returns the same reference when Connect retries with the same ContactId', async () => {
    const customerNumber = uniqueCaller();
    const contactId = randomUUID();
    const parameters = { operation: 'create', categoryKey: '8', serviceKey: '1', lang: 'en' };

    const first = await complaints(parameters, { customerNumber, contactId });
    const retried = await complaints(parameters, { customerNumber, contactId });

    expect(retried).toEqual(first);
    await expect(tickets.listByCaller(customerNumber)).resolves.toHaveLength(1);
    // The acknowledgement is handed over again; delivery is idempotent on its id.
    expect(new Set(notificationsTo(customerNumber).map((n) => n.id)).size).toBe(1);
  });

  it('gives complaints about no particular service to Huduma', async () => {
    const { result } = await lodge({ categoryKey: '7', serviceKey: '0' });

    expect(result).toMatchObject({
      outcome: 'CREATED',
      agencyId: 'huduma',
      categoryId: 'discourtesy',
    });
    expect(result.serviceId).toBeUndefined();
  });

  it('takes the service the caller called about from the flow, before the menu', async () => {
    const { result } = await lodge({ serviceId: 'nssf-statement', serviceKey: '' });

    expect(result).toMatchObject({ agencyId: 'nssf', serviceId: 'nssf-statement' });
  });

  it('uses a keyed call-back number instead of the calling number', async () => {
    const keyed = uniqueCaller();
    const { result, reference } = await lodge({ callbackNumber: `0${keyed.slice(4)}` });

    expect(result.outcome).toBe('CREATED');
    await expect(tickets.get(reference)).resolves.toMatchObject({ callbackNumber: keyed });
    expect(notificationsTo(keyed)).toHaveLength(1);
  });

  it('records an anonymous complaint when the number is withheld and none is keyed, without an SMS', async () => {
    const result = await complaints(
      { operation: 'create', categoryKey: '2', lang: 'en' },
      { fixture: 'connect-event-powertools-min.json' },
    );

    expect(result).toMatchObject({
      outcome: 'CREATED',
      smsSent: 'false',
      sayPrompt: 'complaints.created_no_sms',
    });
    const ticket = await tickets.get(String(result.reference));
    expect(ticket?.callbackNumber).toBeUndefined();
  });

  it.each([
    ['an empty category', { categoryKey: '' }, 'categoryKey', 'EMPTY'],
    ['a key not in the category menu', { categoryKey: '*' }, 'categoryKey', 'NOT_IN_MENU'],
    ['a key not in the service menu', { serviceKey: '#' }, 'serviceKey', 'NOT_IN_MENU'],
    [
      'a call-back number that is not a mobile',
      { callbackNumber: '0201234' },
      'callbackNumber',
      'NOT_A_PHONE_NUMBER',
    ],
    ['a call-back number with a star', { callbackNumber: '07*2' }, 'callbackNumber', 'NOT_DIGITS'],
  ])('returns INVALID_INPUT for %s and creates nothing', async (_, parameters, field, reason) => {
    const customerNumber = uniqueCaller();

    const { result } = await lodge(parameters, customerNumber);

    expect(result).toMatchObject({ outcome: 'INVALID_INPUT', field, reason });
    await expect(tickets.listByCaller(customerNumber)).resolves.toEqual([]);
  });

  it('throws, so the flow takes its error branch, for an operation it does not know', async () => {
    await expect(complaints({ operation: 'delete', lang: 'en' })).rejects.toThrow();
  });

  it('lists the new complaint in its agency’s open tickets, soonest due first', async () => {
    const { reference } = await lodge({ serviceKey: '8' });

    const open = await tickets.listByAgencyStatus('ntsa', 'OPEN', 100);

    expect(open.map((ticket) => ticket.reference)).toContain(reference);
    const due = open.map((ticket) => ticket.dueAt);
    expect(due).toEqual([...due].sort());
  });
});

describe('complaints handler: hearing a status', () => {
  /** The code the contact's last status-code sent by SMS (the local outbox). */
  const codeSentTo = (contactId: string) =>
    String(
      localOutbox.filter((n) => n.id.startsWith(`proof-code#${contactId}#`)).at(-1)?.vars.code,
    );
  const askCode = (reference: string, options: Parameters<typeof connectEvent>[1]) =>
    complaints({ operation: 'status-code', reference, lang: 'en' }, options);
  const status = (reference: string, code: string, options: Parameters<typeof connectEvent>[1]) =>
    complaints({ operation: 'status', reference, code, lang: 'en' }, options);

  it('tells the caller where their complaint stands once they key the code sent to its call-back number', async () => {
    const { customerNumber, reference } = await lodge();
    const ticket = await tickets.get(reference);
    const options = { customerNumber: uniqueCaller(), contactId: randomUUID() };

    const sent = await askCode(reference, options);
    const result = await status(reference, codeSentTo(options.contactId), options);

    expect(sent).toMatchObject({ outcome: 'CODE_SENT', sayPrompt: 'complaints.code_sent' });
    expect(notificationsTo(customerNumber).at(-1)).toMatchObject({ prompt: 'caller.sms.code' });
    const dueDate = new Date(Date.parse(ticket!.dueAt) + 3 * HOUR).toISOString().slice(0, 10);
    expect(result).toMatchObject({
      outcome: 'FOUND',
      reference,
      type: 'COMPLAINT',
      status: 'OPEN',
      agencyId: 'immigration',
      dueDate,
      sayPrompt: 'complaints.status.open',
    });
    expect(result.say).toMatch(
      /has been received and sent to the agency concerned\. A response is due by \w+ \d+ \w+\.$/,
    );
  });

  it('takes no calling number as proof: calling from the call-back number without the code is refused', async () => {
    const { customerNumber, reference } = await lodge();

    const result = await status(reference, '000000', { customerNumber });

    expect(result).toEqual({
      outcome: 'VERIFICATION_FAILED',
      attemptsLeft: '4',
      sayPrompt: 'complaints.verification_failed',
      say: 'We could not confirm that case with that code. Attempts left: 4.',
    });
  });

  it('gives a withheld caller the status too, by the code sent to the call-back number', async () => {
    const { reference } = await lodge();
    const withheld = { fixture: 'connect-event-powertools-min.json', contactId: randomUUID() };

    await askCode(reference, withheld);
    const result = await status(reference, codeSentTo(withheld.contactId), withheld);

    expect(result).toMatchObject({ outcome: 'FOUND', reference });
  });

  it('answers an unknown reference exactly as a wrong code, and counts both', async () => {
    const { reference } = await lodge();
    const caller = uniqueCaller();
    const unknown = unusedReference();

    const codeForUnknown = await askCode(unknown, { customerNumber: caller });
    const codeForKnown = await askCode(reference, { customerNumber: caller });
    const wrong = await status(reference, '123456', { customerNumber: caller });
    const notFound = await status(unknown, '123456', { customerNumber: caller });

    expect(codeForUnknown).toEqual(codeForKnown);
    expect(notFound).toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '3' });
    expect(notFound.sayPrompt).toBe(wrong.sayPrompt);
    expect(wrong.attemptsLeft).toBe('4');
  });

  it.each([
    ['a wrong check digit', `7000000${(Number(checkDigit('7000000')) + 1) % 10}`, 'CHECK_DIGIT'],
    ['too few digits', '7000', 'WRONG_LENGTH'],
    ['letters', '7000000a', 'NOT_DIGITS'],
  ])('returns INVALID_INPUT for %s without a lookup', async (_, reference, reason) => {
    for (const result of [
      await status(reference, '123456', { customerNumber: uniqueCaller() }),
      await askCode(reference, { customerNumber: uniqueCaller() }),
    ])
      expect(result).toMatchObject({
        outcome: 'INVALID_INPUT',
        field: 'reference',
        reason,
        sayPrompt: 'complaints.invalid_reference',
      });
  });

  it('returns INVALID_INPUT for nothing and no code pending, and for a code that is not 6 digits', async () => {
    const { reference } = await lodge();

    await expect(status('', '123456', { customerNumber: uniqueCaller() })).resolves.toMatchObject({
      outcome: 'INVALID_INPUT',
      field: 'reference',
      reason: 'EMPTY',
      sayPrompt: 'complaints.invalid_reference',
    });
    await expect(
      status(reference, '12', { customerNumber: uniqueCaller() }),
    ).resolves.toMatchObject({ outcome: 'INVALID_INPUT', field: 'code', reason: 'WRONG_LENGTH' });
  });

  it('finds the open complaint of the caller-context shortcut by the calling number, the code sent to its number', async () => {
    const { customerNumber, reference } = await lodge();
    const options = { customerNumber, contactId: randomUUID() };

    await complaints({ operation: 'status-code', lang: 'en' }, options);
    const result = await status('', codeSentTo(options.contactId), options);

    expect(result).toMatchObject({ outcome: 'FOUND', reference });
  });

  it('locks a number out after 5 failed references, then refuses even its own complaint', async () => {
    const { customerNumber, reference } = await lodge();
    const outcomes = [];
    for (let guess = 0; guess < 5; guess++) {
      outcomes.push((await status(unusedReference(), '123456', { customerNumber })).outcome);
    }
    const options = { customerNumber, contactId: randomUUID() };
    await askCode(reference, options);

    const own = await status(reference, codeSentTo(options.contactId), options);

    expect(outcomes).toEqual([
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
      'LOCKED_OUT',
    ]);
    expect(own).toMatchObject({ outcome: 'LOCKED_OUT', sayPrompt: 'complaints.locked_out' });
  });
});

describe('agent complaint use case', () => {
  const createComplaint = createAgentComplaint({
    catalogue: repositories.catalogue,
    openTicket: createTicketOpener({
      tickets,
      notifier: { notify: async () => undefined },
      now: () => new Date(),
    }),
  });

  it('creates a complaint with the caller’s words, created by the agent', async () => {
    const callbackNumber = uniqueCaller();

    const { ticket, created } = await createComplaint({
      contactId: randomUUID(),
      categoryId: 'corruption',
      serviceId: 'driving-licence-renewal',
      callbackNumber: `0${callbackNumber.slice(4)}`,
      description: '  The officer asked for KES 2,000 to speed up the renewal.  ',
      createdBy: 'agent.wanjiku',
    });

    expect(created).toBe(true);
    expect(ticket).toMatchObject({
      type: 'COMPLAINT',
      status: 'OPEN',
      agencyId: 'ntsa',
      category: 'corruption',
      callbackNumber,
      channel: 'agent',
      description: 'The officer asked for KES 2,000 to speed up the renewal.',
      createdBy: { kind: 'agent', id: 'agent.wanjiku' },
    });
    await expect(tickets.history(ticket.reference)).resolves.toEqual([
      expect.objectContaining({ action: 'CREATED', by: { kind: 'agent', id: 'agent.wanjiku' } }),
    ]);
  });

  it('sets a 24-hour due time for an urgent complaint', async () => {
    const { ticket } = await createComplaint({
      contactId: randomUUID(),
      categoryId: 'abuse-of-power',
      description: 'Threatened at the counter.',
      priority: 'urgent',
      createdBy: 'agent.otieno',
    });

    expect(ticket.slaPolicyId).toBe('complaint-urgent');
    expect(Date.parse(ticket.dueAt) - Date.parse(ticket.createdAt)).toBe(24 * HOUR);
  });

  it('is idempotent on the contact', async () => {
    const input = {
      contactId: randomUUID(),
      categoryId: 'delay',
      description: 'Waited three months for a birth certificate.',
      createdBy: 'agent.achieng',
    };

    const first = await createComplaint(input);
    const second = await createComplaint({ ...input, description: 'typed again' });

    expect(second).toMatchObject({ created: false, ticket: first.ticket });
  });

  it.each([
    ['no description', { description: '   ' }, 'description'],
    ['an unknown category', { categoryId: 'weather' }, 'categoryId'],
    ['a call-back number that is not a phone', { callbackNumber: '12' }, 'callbackNumber'],
    ['an unknown service', { serviceId: 'moon-landing' }, 'serviceId'],
  ])('rejects %s with INVALID_INPUT naming the field', async (_, change, field) => {
    const input = {
      contactId: randomUUID(),
      categoryId: 'delay',
      description: 'Something went wrong.',
      createdBy: 'agent.kamau',
      ...change,
    };

    await expect(createComplaint(input)).rejects.toMatchObject({
      outcome: 'INVALID_INPUT',
      details: { fields: field },
    });
  });
});
