import { createHash, randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { localOutbox } from '../../lambdas/shared/notifications/default-notifier.ts';
import { checkDigit } from '../../lambdas/shared/reference.ts';
import { appointmentsAt, bookingRepository, newCaller } from '../support/appointments.ts';
import { documentClient } from '../support/data.ts';

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

const placesTaken = async (slot: string) =>
  (await bookings.bookedCounts(CENTRE, SERVICE, slot, slot)).get(slot) ?? 0;

/** A booking made by a fresh caller (optionally with an ID number), ready to find, cancel or move. */
const booked = async (parameters: Record<string, string> = {}) => {
  const caller = newCaller();
  const slot = freshSlot();
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

describe('appointments handler: find-booking', () => {
  it('tells the caller calling from the booking’s number what, where and when', async () => {
    // Prepare
    const { caller, slot, reference } = await booked();

    // Act
    const result = await appointments(
      { operation: 'find-booking', reference },
      { customerNumber: caller },
    );

    // Assess
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

  it('asks a caller on another number for proof, and accepts the booking’s number keyed', async () => {
    const { caller, reference } = await booked();
    const otherPhone = newCaller();

    const unproven = await appointments(
      { operation: 'find-booking', reference },
      { customerNumber: otherPhone },
    );
    const proven = await appointments(
      { operation: 'find-booking', reference, proof: `0${caller.slice(4)}` },
      { customerNumber: otherPhone },
    );

    expect(unproven).toEqual({
      outcome: 'PROOF_REQUIRED',
      sayPrompt: 'appointments.proof_required',
      say: 'To continue, please enter the phone number you booked with, or your ID number, then press hash.',
    });
    expect(proven).toMatchObject({ outcome: 'FOUND', status: 'ACTIVE' });
  });

  it('accepts the ID number given when booking as proof, without keeping it', async () => {
    const { reference } = await booked({ idNumber: '23456789' });

    const result = await appointments(
      { operation: 'find-booking', reference, proof: '23456789' },
      { customerNumber: newCaller() },
    );

    expect(result).toMatchObject({ outcome: 'FOUND' });
    const { booking } = await bookings.get(reference, new Date(NOW));
    expect(JSON.stringify(booking)).not.toContain('23456789');
  });

  it('stores a keyed hash of the ID number, not a plain SHA-256 anyone could brute-force', async () => {
    const { reference } = await booked({ idNumber: '23456789' });

    const { booking } = await bookings.get(reference, new Date(NOW));

    expect(booking?.idNumberHash).toMatch(/^[0-9a-f]{64}$/);
    for (const plain of [`${reference}:23456789`, `booking:${reference}:23456789`, '23456789'])
      expect(booking?.idNumberHash).not.toBe(createHash('sha256').update(plain).digest('hex'));
  });

  it('returns VERIFICATION_FAILED for a wrong proof, then LOCKED_OUT after three', async () => {
    const { caller, reference } = await booked({ idNumber: '23456789' });
    const attempt = (proof: string) =>
      appointments(
        { operation: 'find-booking', reference, proof },
        { customerNumber: newCaller() },
      );

    const first = await attempt('0700000000');
    const second = await attempt('12345678');
    const third = await attempt('0711111111');
    const rightProofTooLate = await attempt(`0${caller.slice(4)}`);

    expect(first).toEqual({
      outcome: 'VERIFICATION_FAILED',
      attemptsLeft: '2',
      sayPrompt: 'appointments.verification_failed',
      say: 'Those details do not match this booking.',
    });
    expect(second).toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '1' });
    expect(third).toMatchObject({ outcome: 'LOCKED_OUT', sayPrompt: 'appointments.locked_out' });
    expect(rightProofTooLate).toMatchObject({ outcome: 'LOCKED_OUT' });
  });

  it('counts failed proofs only within the window', async () => {
    const { caller, reference } = await booked();
    await appointments(
      { operation: 'find-booking', reference, proof: '0700000000' },
      { customerNumber: newCaller() },
    );
    await appointments(
      { operation: 'find-booking', reference, proof: '0700000001' },
      { customerNumber: newCaller() },
    );

    const anHourLater = appointmentsAt('2026-02-16T10:15:00+03:00');
    await expect(
      anHourLater(
        { operation: 'find-booking', reference, proof: '0700000002' },
        { customerNumber: newCaller() },
      ),
    ).resolves.toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '2' });
    await expect(
      anHourLater({ operation: 'find-booking', reference }, { customerNumber: caller }),
    ).resolves.toMatchObject({ outcome: 'FOUND' });
  });

  it('returns NOT_FOUND and reads back a well-formed reference no booking has', async () => {
    const reference = unusedReference();
    await expect(
      appointments({ operation: 'find-booking', reference }, { customerNumber: newCaller() }),
    ).resolves.toEqual({
      outcome: 'NOT_FOUND',
      reason: 'UNKNOWN_BOOKING',
      sayPrompt: 'appointments.booking_not_found',
      say: `We could not find booking reference ${[...reference].join(' ')}.`,
    });
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

    // Act
    const result = await appointments(
      { operation: 'cancel', reference },
      { customerNumber: caller },
    );

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
      'appointments.sms.cancelled',
    ]);
    await expect(
      appointments({ operation: 'find-booking', reference }, { customerNumber: caller }),
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
    const contactId = randomUUID();

    const first = await appointments(
      { operation: 'cancel', reference },
      { customerNumber: caller, contactId },
    );
    const retry = await appointments(
      { operation: 'cancel', reference },
      { customerNumber: caller, contactId },
    );

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
    await appointments({ operation: 'cancel', reference }, { customerNumber: caller });

    await expect(
      appointments({ operation: 'cancel', reference }, { customerNumber: caller }),
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

    await expect(
      onTheDay({ operation: 'cancel', reference }, { customerNumber: caller }),
    ).resolves.toMatchObject({ outcome: 'CONFLICT', reason: 'PAST' });
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
    ).resolves.toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '2' });
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

    // Act
    const result = await appointments(
      { operation: 'move', reference, slot: target },
      { customerNumber: caller },
    );

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
      { customerNumber: caller },
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
    const contactId = randomUUID();

    const first = await appointments(
      { operation: 'move', reference, slot: target },
      { customerNumber: caller, contactId },
    );
    const retry = await appointments(
      { operation: 'move', reference, slot: target },
      { customerNumber: caller, contactId },
    );

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
      appointments({ operation: 'move', reference, slot: target }, { customerNumber: caller }),
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
      appointments({ operation: 'move', reference, slot: target }, { customerNumber: caller }),
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
      appointments({ operation: 'move', reference, slot: 'soon' }, { customerNumber: caller }),
    ).resolves.toEqual({ outcome: 'INVALID_INPUT', reason: 'WRONG_SLOT', field: 'slot' });
  });
});
