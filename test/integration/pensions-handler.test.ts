import { createHash, randomUUID } from 'node:crypto';
import { localHandler } from '#local/handlers.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { isValidReference } from '#shared/reference.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { uniqueCaller, uniqueDigits } from '../support/data.ts';
import { newPensioner, repositories } from '../support/repositories.ts';

const handler = localHandler('pensions');

const pensionsHandler = (
  parameters: Record<string, string>,
  options?: Parameters<typeof connectEvent>[1],
) => handler(connectEvent(parameters, options), lambdaContext('pensions'));

const { pensions, tickets } = repositories;

/** The seeded pensioners' ID numbers, by pension number (0000368915 is the demo pensioner). */
const SEEDED_ID_NUMBERS: Record<string, string> = {
  '0000368915': '22334455',
  '0000412207': '11223344',
  '0000287731': '9988776',
};

/** A proof of identity from a caller of its own (a fresh calling number unless given). */
const verify = (
  pensionNumber: string,
  idNumber: string,
  { lang, ...options }: Parameters<typeof connectEvent>[1] & { lang?: string } = {},
) =>
  pensionsHandler(
    { operation: 'verify', pensionNumber, idNumber, ...(lang && { lang }) },
    { customerNumber: uniqueCaller(), ...options },
  );

/** A contact that has verified as the given pensioner: later operations reuse its ContactId. */
const verifiedContact = async (
  pensionNumber: string,
  idNumber = SEEDED_ID_NUMBERS[pensionNumber]!,
) => {
  const options = { contactId: randomUUID(), customerNumber: uniqueCaller() };
  const result = await verify(pensionNumber, idNumber, { ...options, lang: 'en' });
  expect(result.outcome).toBe('VERIFIED');
  return {
    ...options,
    call: (parameters: Record<string, string>) => pensionsHandler(parameters, options),
  };
};

describe('pensions handler: information', () => {
  it.each([
    ['1', '1', 'service', 'how_to_apply', 'pensions.info.service.how_to_apply'],
    ['2', '2', 'survivor', 'documents', 'pensions.info.survivor.documents'],
    ['3', '1', 'disability', 'how_to_apply', 'pensions.info.disability.how_to_apply'],
    ['4', '2', 'psss', 'documents', 'pensions.info.psss.documents'],
  ])(
    'speaks type %s topic %s without any proof',
    async (typeKey, topicKey, pensionType, topic, prompt) => {
      const result = await pensionsHandler({ operation: 'info', typeKey, topicKey, lang: 'en' });

      expect(result).toMatchObject({ outcome: 'INFO', pensionType, topic, sayPrompt: prompt });
      expect(result.say?.length).toBeGreaterThan(40);
    },
  );

  it('gives the next payroll date from data', async () => {
    const result = await pensionsHandler({
      operation: 'info',
      typeKey: '1',
      topicKey: '3',
      lang: 'en',
    });

    expect(result).toMatchObject({
      outcome: 'INFO',
      topic: 'payment_dates',
      sayPrompt: 'pensions.info.payment_dates',
    });
    expect(result.nextPaymentDate! >= new Date().toISOString().slice(0, 10)).toBe(true);
    expect(result.say).toMatch(/^Monthly payments for a service pension are next paid on \w+day/);
  });

  it('says PSSS has no monthly payroll date', async () => {
    const result = await pensionsHandler({ operation: 'info', typeKey: '4', topicKey: '3' });

    expect(result).toMatchObject({ outcome: 'INFO', sayPrompt: 'pensions.info.no_payment_dates' });
  });

  it('speaks Kiswahili from recorded clips', async () => {
    const result = await pensionsHandler({
      operation: 'info',
      typeKey: '2',
      topicKey: '3',
      lang: 'sw',
    });

    expect(result.say).toMatch(/^Malipo ya kila mwezi ya pensheni ya wategemezi yatalipwa tena /);
    expect(result.clip2).toBe('s3://huduma-local-prompts/prompts/sw/pensions.type.survivor.wav');
  });

  it.each([
    ['typeKey', { typeKey: '9', topicKey: '1' }, 'NOT_IN_MENU'],
    ['topicKey', { typeKey: '1', topicKey: '' }, 'EMPTY'],
  ])('returns INVALID_INPUT for a %s not in the menu', async (field, keys, reason) => {
    await expect(pensionsHandler({ operation: 'info', ...keys })).resolves.toMatchObject({
      outcome: 'INVALID_INPUT',
      field,
      reason,
      sayPrompt: 'pensions.invalid_choice',
    });
  });
});

describe('pensions handler: verified pensioner', () => {
  it('verifies the demo pensioner and then tells the claim status and next payment date', async () => {
    const contact = await verifiedContact('0000368915');

    await expect(contact.call({ operation: 'claim-status', lang: 'en' })).resolves.toEqual({
      outcome: 'FOUND',
      claimStatus: 'IN_PAYMENT',
      pensionType: 'service',
      nextPaymentDate: '2026-12-23',
      sayPrompt: 'pensions.claim.in_payment',
      say: 'Your pension is in payment. Your next payment is due on Wednesday 23 December.',
    });
  });

  it('tells the last payment, date and amount, in both languages', async () => {
    const contact = await verifiedContact('0000368915');

    const english = await contact.call({ operation: 'last-payment', lang: 'en' });
    const kiswahili = await contact.call({ operation: 'last-payment', lang: 'sw' });

    expect(english).toMatchObject({
      outcome: 'FOUND',
      lastPaymentDate: '2026-11-24',
      lastPaymentAmount: '25430',
      say: 'Your last payment was 25,430 shillings, paid on Tuesday 24 November.',
    });
    expect(kiswahili.say).toBe(
      'Malipo yako ya mwisho yalikuwa shilingi elfu ishirini na tano mia nne na thelathini, yaliyolipwa Jumanne tarehe ishirini na nne Novemba.',
    );
    expect(Number(kiswahili.clipCount)).toBeLessThanOrEqual(16);
  });

  it('speaks only the amount when a large amount and the date would not fit the Kiswahili clips', async () => {
    const { pensionNumber, idNumber } = await newPensioner(977_777);
    const contact = await verifiedContact(pensionNumber, idNumber);

    const result = await contact.call({ operation: 'last-payment', lang: 'sw' });

    expect(result).toMatchObject({
      lastPaymentDate: '2026-11-24',
      lastPaymentAmount: '977777',
      sayPrompt: 'pensions.last_payment.amount',
    });
    expect(Number(result.clipCount)).toBeLessThanOrEqual(16);
  });

  it.each([
    ['0000368915', 'VALID', '2027-06-30'],
    ['0000412207', 'DUE', '2026-12-31'],
    ['0000287731', 'OVERDUE', '2026-06-30'],
  ])('tells pensioner %s the life certificate is %s', async (pensionNumber, status, date) => {
    const contact = await verifiedContact(pensionNumber);

    await expect(contact.call({ operation: 'life-certificate' })).resolves.toMatchObject({
      outcome: 'FOUND',
      lifeCertificateStatus: status,
      lifeCertificateDueDate: date,
      sayPrompt: `pensions.life_certificate.${status.toLowerCase()}`,
    });
  });

  it('says when there has been no payment yet', async () => {
    const contact = await verifiedContact('0000412207');

    await expect(contact.call({ operation: 'last-payment' })).resolves.toMatchObject({
      outcome: 'FOUND',
      sayPrompt: 'pensions.last_payment.none',
    });
    await expect(contact.call({ operation: 'claim-status' })).resolves.toMatchObject({
      claimStatus: 'PROCESSING',
      sayPrompt: 'pensions.claim.processing',
    });
  });

  it.each(['claim-status', 'last-payment', 'life-certificate'])(
    'returns NOT_VERIFIED for %s on a contact that has not proved who it is',
    async (operation) => {
      await expect(pensionsHandler({ operation })).resolves.toMatchObject({
        outcome: 'NOT_VERIFIED',
        sayPrompt: 'pensions.not_verified',
      });
    },
  );

  it('refuses a request on an unverified contact and opens no ticket', async () => {
    const contactId = randomUUID();

    const result = await pensionsHandler(
      { operation: 'request', requestType: 'statement' },
      { contactId },
    );

    expect(result.outcome).toBe('NOT_VERIFIED');
    await expect(
      tickets.findByContact({ contactId, kind: 'SERVICE_REQUEST#statement' }),
    ).resolves.toBeUndefined();
  });
});

describe('pensions handler: proof of identity', () => {
  it('checks proof against a keyed hash: the seeded hash is no plain SHA-256 of the inputs', async () => {
    const stored = await pensions.get('0000368915');

    expect(stored?.idNumberHash).toMatch(/^[0-9a-f]{64}$/);
    for (const plain of ['0000368915:22334455', 'pension:0000368915:22334455', '22334455'])
      expect(stored?.idNumberHash).not.toBe(createHash('sha256').update(plain).digest('hex'));
    await verifiedContact('0000368915');
  });

  it('refuses a record whose hash is the old unkeyed SHA-256 of the right inputs', async () => {
    const { pensionNumber, idNumber } = await newPensioner();
    const pensioner = await pensions.get(pensionNumber);
    await pensions.put({
      ...pensioner!,
      idNumberHash: createHash('sha256').update(`${pensionNumber}:${idNumber}`).digest('hex'),
    });

    const result = await verify(pensionNumber, idNumber, { lang: 'en' });

    expect(result.outcome).toBe('VERIFICATION_FAILED');
  });

  it('answers an unknown pension number exactly as a wrong ID number', async () => {
    const { pensionNumber } = await newPensioner();

    const wrongId = await verify(pensionNumber, '12345678');
    const unknown = await verify(uniqueDigits(10, '00008'), '12345678');

    expect(unknown).toEqual(wrongId);
  });

  it('locks the pension out after 5 failures, and then refuses the right ID number', async () => {
    const { pensionNumber, idNumber } = await newPensioner();
    const outcomes = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await verify(pensionNumber, `1111111${attempt}`);
      outcomes.push(result.attemptsLeft ?? result.outcome);
    }

    const owner = await verify(pensionNumber, idNumber);

    expect(outcomes).toEqual(['4', '3', '2', '1', 'LOCKED_OUT']);
    expect(owner).toMatchObject({ outcome: 'LOCKED_OUT', sayPrompt: 'pensions.locked_out' });
  });

  it('counts failures per calling number across tracking and pensions alike', async () => {
    const customerNumber = uniqueCaller();
    for (let attempt = 0; attempt < 5; attempt++) {
      await verify(uniqueDigits(10, '00007'), '12345678', { customerNumber });
    }

    const demo = await verify('0000368915', '22334455', { customerNumber });

    expect(demo.outcome).toBe('LOCKED_OUT');
  });

  it.each([
    ['pensionNumber', { pensionNumber: '123', idNumber: '22334455' }, 'WRONG_LENGTH'],
    ['pensionNumber', { pensionNumber: '', idNumber: '22334455' }, 'EMPTY'],
    ['idNumber', { pensionNumber: '0000368915', idNumber: '22*34455' }, 'NOT_DIGITS'],
    ['idNumber', { pensionNumber: '0000368915', idNumber: '1234567890' }, 'WRONG_LENGTH'],
  ])(
    'returns INVALID_INPUT for a malformed %s, without counting a failure',
    async (field, digits, reason) => {
      await expect(
        pensionsHandler({ operation: 'verify', ...digits }, { customerNumber: uniqueCaller() }),
      ).resolves.toMatchObject({ outcome: 'INVALID_INPUT', field, reason });
    },
  );

  it('returns VERIFICATION_FAILED with the attempts left for a wrong ID number', async () => {
    const { pensionNumber } = await newPensioner();

    await expect(verify(pensionNumber, '12345678', { lang: 'en' })).resolves.toEqual({
      outcome: 'VERIFICATION_FAILED',
      attemptsLeft: '4',
      sayPrompt: 'pensions.verification_failed',
      say: 'We could not match that pension number and ID number. Please check both and try again. Attempts left: 4.',
    });
  });
});

describe('pensions handler: service requests', () => {
  it.each([
    ['statement', 'a pension statement'],
    ['bank_details_change', 'a change of bank details'],
    ['life_certificate_appointment', 'a life certificate appointment'],
  ])(
    'opens a %s service request for the Pensions Department with a reference',
    async (requestType, spoken) => {
      const { pensionNumber, idNumber } = await newPensioner();
      const contact = await verifiedContact(pensionNumber, idNumber);

      const result = await contact.call({ operation: 'request', requestType, lang: 'en' });

      const reference = String(result.reference);
      expect(result).toMatchObject({
        outcome: 'CREATED',
        requestType,
        smsSent: 'true',
        sayPrompt: 'pensions.request.created',
        say: `Your request for ${spoken} has been sent to the Pensions Department. Your reference number is ${[...reference].join(' ')}.`,
      });
      expect(reference).toMatch(/^8\d{7}$/);
      expect(isValidReference(reference)).toBe(true);
      const ticket = await tickets.get(reference);
      expect(ticket).toMatchObject({
        type: 'SERVICE_REQUEST',
        status: 'OPEN',
        agencyId: 'pensions',
        category: requestType,
        serviceId: 'pension-enquiry',
        about: { kind: 'PENSION', id: pensionNumber },
        callbackNumber: contact.customerNumber,
        slaPolicyId: 'service-request',
        contactId: contact.contactId,
      });
      expect(Date.parse(ticket!.dueAt) - Date.parse(ticket!.createdAt)).toBe(48 * 3_600_000);
      expect(localOutbox.filter((n) => n.to === contact.customerNumber)).toEqual([
        {
          id: `ticket-acknowledgement#${reference}`,
          channel: 'sms',
          to: contact.customerNumber,
          lang: 'en',
          prompt: 'pensions.sms.request_acknowledgement',
          vars: { request: `pensions.request.${requestType}`, hours: 48, reference },
        },
      ]);
    },
  );

  it('returns the same reference when Connect retries, and opens one request of each type per contact', async () => {
    const { pensionNumber, idNumber } = await newPensioner();
    const contact = await verifiedContact(pensionNumber, idNumber);

    const first = await contact.call({ operation: 'request', requestType: 'statement' });
    const retried = await contact.call({ operation: 'request', requestType: 'statement' });
    const other = await contact.call({ operation: 'request', requestType: 'bank_details_change' });

    expect(retried).toEqual(first);
    expect(other.reference).not.toBe(first.reference);
    await expect(tickets.listByCaller(contact.customerNumber)).resolves.toHaveLength(2);
  });

  it('throws, so the flow takes its error branch, for a request type the flow should never send', async () => {
    await expect(
      pensionsHandler({ operation: 'request', requestType: 'pay-me-twice' }),
    ).rejects.toThrow();
  });
});
