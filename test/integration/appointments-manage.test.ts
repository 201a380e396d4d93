import { createHash, randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { jest } from '@jest/globals';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { checkDigit } from '#shared/reference.ts';
import { appointmentsAt, bookingRepository, newCaller } from '../support/appointments.ts';
import { documentClient, tableNames } from '../support/data.ts';

// Monday 16 February 2026, 09:10 in Nairobi. Other appointment test files use other weeks.
const NOW = '2026-02-16T09:10:00+03:00';
const appointments = appointmentsAt(NOW);
const bookings = bookingRepository();

const CENTRE = 'kkc-001';
const SERVICE = 'duplicate-id';
let nextSlot = 0;
/** A slot no other test in this file books: 18 - 20 February, every half hour 08:00-16:30. */
const freshSlot = () => {
  const index = nextSlot++;
  const day = 18 + Math.floor(index / 18);
  const minutes = 8 * 60 + (index % 18) * 30;
  return `2026-02-${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

let nextSpare = 0;
/** Slots on Monday 23 February for the proof tests, so the others keep their days. */
const spareSlot = () => {
  const minutes = 8 * 60 + nextSpare++ * 30;
  return `2026-02-23T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

const placesTaken = async (slot: string) =>
  (await bookings.bookedCounts(CENTRE, SERVICE, slot, slot)).get(slot) ?? 0;

/** A booking made by a fresh caller (optionally with an ID number), ready to find, cancel or move. */
const booked = async (parameters: Record<string, string> = {}, slot = freshSlot()) => {
  const caller = newCaller();
  const result = await appointments(
    { operation: 'book', centreId: CENTRE, serviceId: SERVICE, slot, ...parameters },
    { customerNumber: caller },
  );
  expect(result.outcome).toBe('BOOKED');
  return { caller, slot, reference: result.reference! };
};

/** A reference with a valid check digit that no booking has. */
const unusedReference = () => {
  const body = `39${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
  return body + checkDigit(body);
};

/** The code the last send-code of a contact sent by SMS (the local outbox). */
const codeSentTo = (contactId: string) =>
  String(localOutbox.filter((n) => n.id.startsWith(`proof-code#${contactId}#`)).at(-1)?.vars.code);

/**
 * Proves a booking is the caller's as the flow does: a code to the booking's number, keyed back
 * on the same contact. Later operations on that contact need no proof again.
 */
const proveOwnership = async (
  reference: string,
  customerNumber = newCaller(),
  handler = appointments,
) => {
  const options = { customerNumber, contactId: randomUUID() };
  await handler({ operation: 'send-code', reference }, options);
  const found = await handler(
    { operation: 'find-booking', reference, proof: codeSentTo(options.contactId) },
    options,
  );
  expect(found).toMatchObject({ outcome: 'FOUND' });
  return options;
};

describe('appointments handler: find-booking', () => {
  it('tells the caller what, where and when once they key the code sent to the booking’s number', async () => {
    // Prepare
    const { caller, slot, reference } = await booked();
    const options = { customerNumber: newCaller(), contactId: randomUUID() };

    // Act
    const sent = await appointments({ operation: 'send-code', reference }, options);
    const result = await appointments(
      { operation: 'find-booking', reference, proof: codeSentTo(options.contactId) },
      options,
    );

    // Assess
    expect(sent).toEqual({
      outcome: 'CODE_SENT',
      sayPrompt: 'appointments.code_sent',
      say: 'If that booking is yours, we have sent a code by SMS to the phone number on the booking.',
    });
    expect(
      localOutbox.findLast((n) => n.id.startsWith(`proof-code#${options.contactId}#`)),
    ).toMatchObject({ to: caller, prompt: 'caller.sms.code' });
    expect(result).toEqual({
      outcome: 'FOUND',
      reference,
      status: 'ACTIVE',
      centreId: CENTRE,
      serviceId: SERVICE,
      slot,
      sayPrompt: 'appointments.booking.details',
      say: `Your appointment for a replacement identity card at Kakamega Huduma Centre is on Wednesday 18 February at ${slot.slice(11)}.`,
    });
  });

  it('takes neither the calling number nor a keyed phone number as proof (caller ID is a hint)', async () => {
    const { caller, reference } = await booked({}, spareSlot());

    const fromBookingNumber = await appointments(
      { operation: 'find-booking', reference },
      { customerNumber: caller },
    );
    const numberKeyed = await appointments(
      { operation: 'find-booking', reference, proof: `0${caller.slice(4)}` },
      { customerNumber: newCaller() },
    );

    expect(fromBookingNumber).toEqual({
      outcome: 'PROOF_REQUIRED',
      sayPrompt: 'appointments.proof_required',
      say: 'To continue, please enter the code we sent to the phone number on the booking, or the ID number you gave when booking, then press hash.',
    });
    expect(numberKeyed).toMatchObject({ outcome: 'VERIFICATION_FAILED' });
  });

  it('takes a code once, only on the contact it was sent for', async () => {
    const { reference } = await booked({}, spareSlot());
    const options = { customerNumber: newCaller(), contactId: randomUUID() };
    await appointments({ operation: 'send-code', reference }, options);
    const code = codeSentTo(options.contactId);

    const otherContact = await appointments(
      { operation: 'find-booking', reference, proof: code },
      { customerNumber: options.customerNumber },
    );
    const first = await appointments(
      { operation: 'find-booking', reference, proof: code },
      options,
    );
    const again = await appointments(
      { operation: 'find-booking', reference, proof: code },
      { ...options, contactId: randomUUID() },
    );

    expect([otherContact.outcome, first.outcome, again.outcome]).toEqual([
      'VERIFICATION_FAILED',
      'FOUND',
      'VERIFICATION_FAILED',
    ]);
  });

  it('accepts the ID number given when booking as proof, without keeping it', async () => {
    const { reference } = await booked({ idNumber: '23456789' });

    const result = await appointments(
      { operation: 'find-booking', reference, proof: '23456789' },
      { customerNumber: newCaller() },
    );

    expect(result).toMatchObject({ outcome: 'FOUND' });
    const { booking } = await bookings.get(reference);
    expect(JSON.stringify(booking)).not.toContain('23456789');
  });

  it('stores a keyed hash of the ID number, not a plain SHA-256 anyone could brute-force', async () => {
    const { reference } = await booked({ idNumber: '23456789' });

    const { booking } = await bookings.get(reference);

    expect(booking?.idNumberHash).toMatch(/^[0-9a-f]{64}$/);
    for (const plain of [`${reference}:23456789`, `booking:${reference}:23456789`, '23456789'])
      expect(booking?.idNumberHash).not.toBe(createHash('sha256').update(plain).digest('hex'));
  });

  it('keeps no phone number in plain text in the booking’s keys', async () => {
    const { caller, reference } = await booked({}, spareSlot());

    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableNames.serviceData,
        Key: { pk: `BOOKING#${reference}`, sk: 'BOOKING' },
      }),
    );

    expect(`${Item?.gsi1pk}`).toMatch(/^CALLER#[0-9a-f]{32}$/);
    expect(JSON.stringify([Item?.pk, Item?.gsi1pk, Item?.gsi1sk])).not.toContain(caller.slice(4));
    const [upcoming] = await bookings.listUpcomingByCaller(caller, '2026-02-16');
    expect(upcoming).toMatchObject({ reference });
  });

  it('returns VERIFICATION_FAILED for a wrong proof, then LOCKED_OUT after five, even for the right one', async () => {
    const { reference } = await booked({ idNumber: '23456789' });
    const attempt = (proof: string) =>
      appointments(
        { operation: 'find-booking', reference, proof },
        { customerNumber: newCaller() },
      );

    const outcomes = [];
    for (const proof of ['0700000000', '12345678', '0711111111', '111111', '222222'])
      outcomes.push(await attempt(proof));
    const rightProofTooLate = await attempt('23456789');

    expect(outcomes[0]).toEqual({
      outcome: 'VERIFICATION_FAILED',
      attemptsLeft: '4',
      sayPrompt: 'appointments.verification_failed',
      say: 'Those details do not match this booking.',
    });
    expect(outcomes.map((result) => result.attemptsLeft ?? result.outcome)).toEqual([
      '4',
      '3',
      '2',
      '1',
      'LOCKED_OUT',
    ]);
    expect(outcomes[4]).toMatchObject({ sayPrompt: 'appointments.locked_out' });
    expect(rightProofTooLate).toMatchObject({ outcome: 'LOCKED_OUT' });
  });

  it('counts failed proofs only within the window', async () => {
    const { reference } = await booked({ idNumber: '23456789' });
    for (const proof of ['700000000', '700000001'])
      await appointments(
        { operation: 'find-booking', reference, proof },
        { customerNumber: newCaller() },
      );

    const anHourLater = appointmentsAt('2026-02-16T10:15:00+03:00');
    await expect(
      anHourLater(
        { operation: 'find-booking', reference, proof: '700000002' },
        { customerNumber: newCaller() },
      ),
    ).resolves.toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '4' });
    await expect(
      anHourLater(
        { operation: 'find-booking', reference, proof: '23456789' },
        { customerNumber: newCaller() },
      ),
    ).resolves.toMatchObject({ outcome: 'FOUND' });
  });

  it('answers a well-formed reference no booking has exactly as a wrong proof, and counts it', async () => {
    const { reference } = await booked({}, spareSlot());
    const caller = newCaller();
    const unknown = unusedReference();

    const codeForUnknown = await appointments(
      { operation: 'send-code', reference: unknown },
      { customerNumber: caller },
    );
    const codeForKnown = await appointments(
      { operation: 'send-code', reference },
      { customerNumber: caller },
    );
    const wrong = await appointments(
      { operation: 'find-booking', reference, proof: '123456' },
      { customerNumber: caller },
    );
    const notFound = await appointments(
      { operation: 'find-booking', reference: unknown, proof: '123456' },
      { customerNumber: caller },
    );

    expect(codeForUnknown).toEqual(codeForKnown);
    const { attemptsLeft: _a, ...wrongAnswer } = wrong;
    const { attemptsLeft: _b, ...unknownAnswer } = notFound;
    expect(unknownAnswer).toEqual(wrongAnswer);
    expect([wrong.attemptsLeft, notFound.attemptsLeft]).toEqual(['4', '3']);
  });

  it('catches a mistyped reference by its check digit, before any lookup', async () => {
    const { reference } = await booked();
    const typo = `${reference.slice(0, 3)}${(Number(reference[3]) + 1) % 10}${reference.slice(4)}`;
    const swapped = `${reference.slice(0, 2)}${reference[3]}${reference[2]}${reference.slice(4)}`;

    const send = jest.spyOn(documentClient, 'send');
    for (const keyed of [typo, ...(swapped === reference ? [] : [swapped])]) {
      await expect(appointments({ operation: 'find-booking', reference: keyed })).resolves.toEqual({
        outcome: 'INVALID_INPUT',
        reason: 'CHECK_DIGIT',
        field: 'reference',
        sayPrompt: 'appointments.invalid_reference',
        say: 'That is not a valid booking reference. A booking reference has 8 digits.',
      });
    }
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
  });

  it.each([
    ['', 'EMPTY'],
    ['3123456', 'WRONG_LENGTH'],
    ['3123456a', 'NOT_DIGITS'],
  ])('returns INVALID_INPUT for reference %j', async (reference, reason) => {
    await expect(appointments({ operation: 'find-booking', reference })).resolves.toMatchObject({
      outcome: 'INVALID_INPUT',
      reason,
      field: 'reference',
    });
  });
});

describe('appointments handler: cancel', () => {
  it('cancels a booking, gives its place back and lets the caller book the service again', async () => {
    // Prepare
    const { caller, slot, reference } = await booked();
    expect(await placesTaken(slot)).toBe(1);
    const owner = await proveOwnership(reference, caller);

    // Act
    const result = await appointments({ operation: 'cancel', reference }, owner);

    // Assess
    expect(result).toEqual({
      outcome: 'CANCELLED',
      reference,
      sayPrompt: 'appointments.cancelled',
      say: `Your appointment on Wednesday 18 February at ${slot.slice(11)} has been cancelled. We will confirm it by SMS.`,
    });
    expect(await placesTaken(slot)).toBe(0);
    expect(localOutbox.filter((n) => n.to === caller).map((n) => n.prompt)).toEqual([
      'appointments.sms.booked',
      'caller.sms.code',
      'appointments.sms.cancelled',
    ]);
    await expect(
      appointments({ operation: 'find-booking', reference }, owner),
    ).resolves.toMatchObject({ status: 'CANCELLED', sayPrompt: 'appointments.booking.cancelled' });
    await expect(
      appointments(
        { operation: 'book', centreId: CENTRE, serviceId: SERVICE, slot: freshSlot() },
        { customerNumber: caller },
      ),
    ).resolves.toMatchObject({ outcome: 'BOOKED' });
  });

  it('returns the same answer to a retried invocation and releases the place once', async () => {
    const { caller, slot, reference } = await booked();
    await appointments(
      { operation: 'book', centreId: CENTRE, serviceId: SERVICE, slot },
      { customerNumber: newCaller() },
    );
    const owner = await proveOwnership(reference, caller);

    const first = await appointments({ operation: 'cancel', reference }, owner);
    const retry = await appointments({ operation: 'cancel', reference }, owner);

    expect(retry).toEqual(first);
    expect(await placesTaken(slot)).toBe(1);
  });

  it('books the service again in the same call after cancelling', async () => {
    const caller = newCaller();
    const contactId = randomUUID();
    const call = (parameters: Record<string, string>) =>
      appointments(parameters, { customerNumber: caller, contactId });
    const bookService = () =>
      call({ operation: 'book', centreId: CENTRE, serviceId: SERVICE, slot: freshSlot() });

    const first = await bookService();
    await call({ operation: 'send-code', reference: first.reference! });
    await call({
      operation: 'find-booking',
      reference: first.reference!,
      proof: codeSentTo(contactId),
    });
    await call({ operation: 'cancel', reference: first.reference! });
    const second = await bookService();

    expect(second).toMatchObject({ outcome: 'BOOKED' });
    expect(second.reference).not.toBe(first.reference);
    // A retry of the second booking still finds it.
    await expect(
      call({ operation: 'book', centreId: CENTRE, serviceId: SERVICE, slot: second.slot! }),
    ).resolves.toEqual(second);
  });

  it('returns CONFLICT for a booking cancelled in an earlier call', async () => {
    const { caller, reference } = await booked();
    await appointments({ operation: 'cancel', reference }, await proveOwnership(reference, caller));

    await expect(
      appointments({ operation: 'cancel', reference }, await proveOwnership(reference, caller)),
    ).resolves.toEqual({
      outcome: 'CONFLICT',
      reason: 'CANCELLED',
      sayPrompt: 'appointments.booking.cancelled',
      say: 'This appointment has been cancelled.',
    });
  });

  it('returns CONFLICT for an appointment whose time has come', async () => {
    const { caller, slot, reference } = await booked();
    const onTheDay = appointmentsAt(`${slot}:00+03:00`);
    const owner = await proveOwnership(reference, caller, onTheDay);

    await expect(onTheDay({ operation: 'cancel', reference }, owner)).resolves.toMatchObject({
      outcome: 'CONFLICT',
      reason: 'PAST',
    });
  });

  it('refuses to cancel without proof, and with a wrong one, keeping the place', async () => {
    const { slot, reference } = await booked({ idNumber: '34567890' });
    const stranger = newCaller();

    await expect(
      appointments({ operation: 'cancel', reference }, { customerNumber: stranger }),
    ).resolves.toMatchObject({ outcome: 'PROOF_REQUIRED' });
    await expect(
      appointments(
        { operation: 'cancel', reference, proof: '34567891' },
        { customerNumber: stranger },
      ),
    ).resolves.toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '4' });
    expect(await placesTaken(slot)).toBe(1);
    await expect(
      appointments(
        { operation: 'cancel', reference, proof: '34567890' },
        { customerNumber: stranger },
      ),
    ).resolves.toMatchObject({ outcome: 'CANCELLED' });
  });
});

describe('appointments handler: move', () => {
  it('moves a booking to another slot, keeping the reference, and confirms by SMS', async () => {
    // Prepare
    const { caller, slot, reference } = await booked();
    const target = freshSlot();
    const owner = await proveOwnership(reference, caller);

    // Act
    const result = await appointments({ operation: 'move', reference, slot: target }, owner);

    // Assess
    expect(result).toEqual({
      outcome: 'MOVED',
      reference,
      slot: target,
      sayPrompt: 'appointments.moved',
      say: `Your appointment has been moved to Wednesday 18 February at ${target.slice(11)}. Your booking reference is still ${[...reference].join(' ')}.`,
    });
    expect([await placesTaken(slot), await placesTaken(target)]).toEqual([0, 1]);
    expect(localOutbox.filter((n) => n.to === caller).at(-1)).toMatchObject({
      id: `appointment-moved#${reference}#${target}`,
      prompt: 'appointments.sms.moved',
      vars: { date: target.slice(0, 10), time: target.slice(11) },
    });
    const [upcoming] = await bookings.listUpcomingByCaller(caller, '2026-02-16');
    expect(upcoming).toMatchObject({ reference, slot: target });
  });

  it('keeps the caller’s one active booking after a move', async () => {
    const { caller, reference } = await booked();
    await appointments(
      { operation: 'move', reference, slot: freshSlot() },
      await proveOwnership(reference, caller),
    );

    await expect(
      appointments(
        { operation: 'book', centreId: CENTRE, serviceId: SERVICE, slot: freshSlot() },
        { customerNumber: caller },
      ),
    ).resolves.toMatchObject({ outcome: 'CONFLICT', reason: 'ACTIVE_BOOKING' });
  });

  it('returns the same answer to a retried invocation and moves once', async () => {
    const { caller, slot, reference } = await booked();
    const target = freshSlot();
    const owner = await proveOwnership(reference, caller);

    const first = await appointments({ operation: 'move', reference, slot: target }, owner);
    const retry = await appointments({ operation: 'move', reference, slot: target }, owner);

    expect(retry).toEqual(first);
    expect([await placesTaken(slot), await placesTaken(target)]).toEqual([0, 1]);
  });

  it('returns FULL and keeps the booking where it was when the new slot is full', async () => {
    const { caller, slot, reference } = await booked();
    const target = freshSlot();
    for (let place = 0; place < 12; place++)
      await appointments(
        { operation: 'book', centreId: CENTRE, serviceId: SERVICE, slot: target },
        { customerNumber: newCaller() },
      );

    await expect(
      appointments(
        { operation: 'move', reference, slot: target },
        await proveOwnership(reference, caller),
      ),
    ).resolves.toMatchObject({ outcome: 'FULL' });
    expect([await placesTaken(slot), await placesTaken(target)]).toEqual([1, 12]);
  });

  it.each([
    ['2026-02-16T08:00', 'PAST'],
    ['2026-02-21T09:00', 'WEEKEND'],
    ['2026-03-03T09:00', 'TOO_FAR'],
  ])('returns UNAVAILABLE for a move to %s (%s)', async (target, reason) => {
    const { caller, reference } = await booked();
    await expect(
      appointments(
        { operation: 'move', reference, slot: target },
        await proveOwnership(reference, caller),
      ),
    ).resolves.toMatchObject({ outcome: 'UNAVAILABLE', reason });
  });

  it('refuses to move a booking for a caller who cannot prove it is theirs', async () => {
    const { reference } = await booked();
    await expect(
      appointments(
        { operation: 'move', reference, slot: freshSlot(), proof: '0799999999' },
        { customerNumber: newCaller() },
      ),
    ).resolves.toMatchObject({ outcome: 'VERIFICATION_FAILED' });
  });

  it('returns INVALID_INPUT for a new slot that is not a slot id', async () => {
    const { caller, reference } = await booked();
    await expect(
      appointments(
        { operation: 'move', reference, slot: 'soon' },
        await proveOwnership(reference, caller),
      ),
    ).resolves.toEqual({ outcome: 'INVALID_INPUT', reason: 'WRONG_SLOT', field: 'slot' });
  });
});
