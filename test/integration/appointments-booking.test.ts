import { randomUUID } from 'node:crypto';
import { appointmentPolicy } from '#lambdas/appointments/policy.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { isValidReference, newReference } from '#shared/reference.ts';
import { appointmentsAt, bookingRepository, newCaller } from '../support/appointments.ts';

// Monday 2 February 2026, 10:05 in Nairobi. Other appointment test files use other weeks.
const NOW = '2026-02-02T10:05:00+03:00';
const appointments = appointmentsAt(NOW);
const bookings = bookingRepository();

const book = (
  centreId: string,
  serviceId: string,
  slot: string,
  caller = newCaller(),
  extra: Record<string, string> = {},
  contactId = randomUUID(),
) =>
  appointments(
    { operation: 'book', centreId, serviceId, slot, ...extra },
    { customerNumber: caller, contactId },
  );

const sentTo = (number: string) => localOutbox.filter((notification) => notification.to === number);

describe('appointments handler: offer-slots', () => {
  it('offers the next three free slots, spoken as keys to press', async () => {
    // Act
    const result = await appointments({
      operation: 'offer-slots',
      centreId: 'mbc-001',
      serviceId: 'passport',
    });

    // Assess
    expect(result).toEqual({
      outcome: 'FOUND',
      slotCount: '3',
      slot1: '2026-02-02T10:30',
      slot2: '2026-02-02T11:00',
      slot3: '2026-02-02T11:30',
      more: 'true',
      nextAfter: '2026-02-02T11:30',
      sayPrompt: 'appointments.slots.offer.3',
      say: 'Press 1 for Monday 2 February at 10:30. Press 2 for Monday 2 February at 11:00. Press 3 for Monday 2 February at 11:30. For later times, press 9.',
    });
  });

  it('offers later slots after the last one offered', async () => {
    await expect(
      appointments({
        operation: 'offer-slots',
        centreId: 'mbc-001',
        serviceId: 'passport',
        after: '2026-02-02T16:00',
      }),
    ).resolves.toMatchObject({
      slot1: '2026-02-02T16:30',
      slot2: '2026-02-03T08:00',
      slot3: '2026-02-03T08:30',
    });
  });

  it('starts at 07:00 for a desk that works an extended-hours centre’s long day', async () => {
    const early = appointmentsAt('2026-02-03T06:00:00+03:00');
    await expect(
      early({ operation: 'offer-slots', centreId: 'nac-002', serviceId: 'duplicate-id' }),
    ).resolves.toMatchObject({ slot1: '2026-02-03T07:00' });
    await expect(
      early({ operation: 'offer-slots', centreId: 'nac-002', serviceId: 'new-id' }),
    ).resolves.toMatchObject({ slot1: '2026-02-03T08:00' });
  });

  it('skips weekends and public holidays', async () => {
    // Thursday 2 April 2026 after closing: Good Friday, the weekend and Easter Monday follow.
    const beforeEaster = appointmentsAt('2026-04-02T17:30:00+03:00');
    await expect(
      beforeEaster({ operation: 'offer-slots', centreId: 'grc-001', serviceId: 'kra-pin' }),
    ).resolves.toMatchObject({ outcome: 'FOUND', slot1: '2026-04-07T08:00' });
  });

  it('leaves out a full slot', async () => {
    // court-filing has 2 places per slot; fill the first one offered at GPO.
    const first = await appointments({
      operation: 'offer-slots',
      centreId: 'nac-001',
      serviceId: 'court-filing',
    });
    await book('nac-001', 'court-filing', first.slot1!);
    await book('nac-001', 'court-filing', first.slot1!);

    const after = await appointments({
      operation: 'offer-slots',
      centreId: 'nac-001',
      serviceId: 'court-filing',
    });

    expect(after.slot1).toBe(first.slot2);
  });

  it('returns NO_SLOTS when nothing is free in the booking window', async () => {
    const noCapacity = appointmentsAt(NOW, {
      policy: { ...appointmentPolicy, capacity: { ...appointmentPolicy.capacity, passport: 0 } },
    });
    await expect(
      noCapacity({ operation: 'offer-slots', centreId: 'grc-001', serviceId: 'passport' }),
    ).resolves.toEqual({
      outcome: 'NO_SLOTS',
      sayPrompt: 'appointments.no_slots',
      say: 'There are no free appointments for a passport at Garissa Huduma Centre in the next 14 days.',
    });
    await expect(
      appointments({
        operation: 'offer-slots',
        centreId: 'grc-001',
        serviceId: 'passport',
        after: '2026-02-16T16:30',
      }),
    ).resolves.toMatchObject({ outcome: 'NO_SLOTS', sayPrompt: 'appointments.no_later_slots' });
  });

  it('returns NOT_OFFERED for a service the centre has no desk for', async () => {
    await expect(
      appointments({ operation: 'offer-slots', centreId: 'mbc-001', serviceId: 'court-filing' }),
    ).resolves.toEqual({
      outcome: 'NOT_OFFERED',
      reason: 'NOT_AT_CENTRE',
      sayPrompt: 'appointments.service_not_offered',
      say: 'Sorry, Mombasa Huduma Centre does not offer court filing.',
    });
  });

  it('returns NOT_OFFERED for a service that takes no appointments', async () => {
    await expect(
      appointments({
        operation: 'offer-slots',
        centreId: 'mbc-001',
        serviceId: 'tele-counselling',
      }),
    ).resolves.toEqual({
      outcome: 'NOT_OFFERED',
      reason: 'NOT_BOOKABLE',
      sayPrompt: 'appointments.service_not_bookable',
      say: 'Appointments are not booked for tele-counselling.',
    });
  });

  it('returns NOT_OFFERED without speech for a service the catalogue does not know', async () => {
    await expect(
      appointments({ operation: 'offer-slots', centreId: 'mbc-001', serviceId: 'no-such-service' }),
    ).resolves.toEqual({ outcome: 'NOT_OFFERED', reason: 'NOT_AT_CENTRE' });
  });

  it('returns NOT_FOUND for an unknown centre', async () => {
    await expect(
      appointments({ operation: 'offer-slots', centreId: 'xyz-001', serviceId: 'passport' }),
    ).resolves.toEqual({ outcome: 'NOT_FOUND', reason: 'UNKNOWN_CENTRE' });
  });

  it('returns INVALID_INPUT for an `after` that is not a slot id', async () => {
    await expect(
      appointments({
        operation: 'offer-slots',
        centreId: 'mbc-001',
        serviceId: 'passport',
        after: 'later',
      }),
    ).resolves.toEqual({ outcome: 'INVALID_INPUT', reason: 'WRONG_SLOT', field: 'after' });
  });
});

describe('appointments handler: book', () => {
  it('books a slot, reads the reference back and queues an SMS confirmation', async () => {
    // Prepare
    const caller = newCaller();

    // Act
    const result = await book('kic-001', 'birth-certificate', '2026-02-04T09:00', caller);

    // Assess
    expect(result).toEqual({
      outcome: 'BOOKED',
      reference: expect.stringMatching(/^3\d{7}$/),
      centreId: 'kic-001',
      serviceId: 'birth-certificate',
      slot: '2026-02-04T09:00',
      sayPrompt: 'appointments.booked',
      say: `Your appointment is booked for Wednesday 4 February at 09:00. Your booking reference is ${[...result.reference!].join(' ')}. We will also send it to you by SMS.`,
    });
    expect(isValidReference(result.reference!)).toBe(true);
    expect(sentTo(caller)).toEqual([
      {
        id: `appointment-booked#${result.reference}`,
        channel: 'sms',
        to: caller,
        lang: 'en',
        prompt: 'appointments.sms.booked',
        vars: {
          reference: result.reference,
          service: 'birth-certificate',
          centre: 'kic-001',
          date: '2026-02-04',
          time: '09:00',
        },
      },
    ]);
    const counts = await bookings.bookedCounts(
      'kic-001',
      'birth-certificate',
      '2026-02-04T00:00',
      '2026-02-04T23:59',
    );
    expect(counts).toEqual(new Map([['2026-02-04T09:00', 1]]));
  });

  it('reads the booking back in Kiswahili within the clips a flow can play', async () => {
    const result = await book('kic-001', 'kra-pin', '2026-02-04T09:00', newCaller(), {
      lang: 'sw',
    });

    expect(result.say).toBe(
      `Miadi yako imepangwa Jumatano tarehe nne Februari saa tatu asubuhi. Nambari yako ya kumbukumbu ni ${[
        ...result.reference!,
      ]
        .map(
          (d) =>
            ['sifuri', 'moja', 'mbili', 'tatu', 'nne', 'tano', 'sita', 'saba', 'nane', 'tisa'][
              Number(d)
            ],
        )
        .join(' ')}. Tutakutumia pia kwa ujumbe mfupi.`,
    );
    expect(result.clipCount).toBe('15');
  });

  it('returns the same booking to a retried invocation (same ContactId) and takes one place', async () => {
    // Prepare
    const caller = newCaller();
    const contactId = randomUUID();

    // Act
    const first = await book('kic-001', 'passport', '2026-02-05T10:00', caller, {}, contactId);
    const retry = await book('kic-001', 'passport', '2026-02-05T10:00', caller, {}, contactId);

    // Assess
    expect(retry).toEqual(first);
    const counts = await bookings.bookedCounts(
      'kic-001',
      'passport',
      '2026-02-05T10:00',
      '2026-02-05T10:00',
    );
    expect(counts.get('2026-02-05T10:00')).toBe(1);
    // The SMS is queued again under the same id, so it is delivered once.
    expect(new Set(sentTo(caller).map((n) => n.id))).toEqual(
      new Set([`appointment-booked#${first.reference}`]),
    );
  });

  it('draws another reference when the first one drawn is taken', async () => {
    // Prepare
    const taken = await book('kic-001', 'sha-registration', '2026-02-05T14:00');
    const fresh = newReference('booking');
    const draws = [taken.reference!, fresh];
    const unlucky = appointmentsAt(NOW, { newReference: () => draws.shift()! });

    // Act
    const result = await unlucky(
      {
        operation: 'book',
        centreId: 'kic-001',
        serviceId: 'sha-registration',
        slot: '2026-02-05T14:00',
      },
      { customerNumber: newCaller() },
    );

    // Assess
    expect(result).toMatchObject({ outcome: 'BOOKED', reference: fresh });
    const counts = await bookings.bookedCounts(
      'kic-001',
      'sha-registration',
      '2026-02-05T14:00',
      '2026-02-05T14:00',
    );
    expect(counts.get('2026-02-05T14:00')).toBe(2);
  });

  it('lets one call book two different services', async () => {
    const caller = newCaller();
    const contactId = randomUUID();

    const id = await book('kic-001', 'new-id', '2026-02-05T11:00', caller, {}, contactId);
    const pin = await book('kic-001', 'nssf-statement', '2026-02-05T11:00', caller, {}, contactId);

    expect([id.outcome, pin.outcome]).toEqual(['BOOKED', 'BOOKED']);
    expect(pin.reference).not.toBe(id.reference);
  });

  it('returns FULL when the last place has gone', async () => {
    await book('nac-001', 'court-filing', '2026-02-06T14:00');
    await book('nac-001', 'court-filing', '2026-02-06T14:00');

    await expect(book('nac-001', 'court-filing', '2026-02-06T14:00')).resolves.toEqual({
      outcome: 'FULL',
      sayPrompt: 'appointments.full',
      say: 'Sorry, that time has just been taken. Please choose another time.',
    });
  });

  it('returns CONFLICT to a caller with an active booking for the service, and re-sends its details by SMS', async () => {
    // Prepare
    const caller = newCaller();
    const first = await book('kic-001', 'helb-loan', '2026-02-09T09:00', caller);

    // Act
    const contactId = randomUUID();
    const second = await book('kic-001', 'helb-loan', '2026-02-10T09:00', caller, {}, contactId);

    // Assess
    expect(second).toEqual({
      outcome: 'CONFLICT',
      reason: 'ACTIVE_BOOKING',
      sayPrompt: 'appointments.already_booked',
      say: 'You already have an appointment for a HELB loan. We have sent its details to you again by SMS. To change it, choose to move or cancel an appointment.',
    });
    expect(sentTo(caller).at(-1)).toMatchObject({
      id: `appointment-reminder#${first.reference}#${contactId}`,
      prompt: 'appointments.sms.reminder',
      vars: { date: '2026-02-09', time: '09:00' },
    });
    const counts = await bookings.bookedCounts(
      'kic-001',
      'helb-loan',
      '2026-02-10T09:00',
      '2026-02-10T09:00',
    );
    expect(counts.size).toBe(0);
  });

  it('sends the SMS to the callback number the caller gave', async () => {
    const caller = newCaller();
    const callback = newCaller();

    const result = await book('kic-001', 'death-certificate', '2026-02-09T10:00', caller, {
      callbackNumber: `0${callback.slice(4)}`,
    });

    expect(result.outcome).toBe('BOOKED');
    expect(sentTo(caller)).toEqual([]);
    expect(sentTo(callback)).toHaveLength(1);
  });

  it('books with the callback number when the calling number is withheld', async () => {
    const callback = newCaller();

    const result = await book('kic-001', 'nssf-registration', '2026-02-09T10:00', 'anonymous', {
      callbackNumber: callback.slice(1),
    });

    expect(result.outcome).toBe('BOOKED');
    expect(sentTo(callback)).toHaveLength(1);
  });

  it.each([
    ['2026-02-02T09:00', 'PAST', 'That time has already passed.'],
    ['2026-02-07T09:00', 'WEEKEND', 'Huduma Centres do not take appointments at weekends.'],
    ['2026-02-03T07:00', 'CLOSED', 'The centre does not offer this service at that time.'],
    ['2026-02-17T09:00', 'TOO_FAR', 'Appointments can be booked at most 14 days ahead.'],
  ])('returns UNAVAILABLE for %s (%s)', async (slot, reason, say) => {
    await expect(book('kic-001', 'passport', slot)).resolves.toEqual({
      outcome: 'UNAVAILABLE',
      reason,
      sayPrompt: `appointments.unavailable.${reason.toLowerCase()}`,
      say,
    });
  });

  it('returns UNAVAILABLE for a public holiday', async () => {
    const beforeEaster = appointmentsAt('2026-03-30T09:00:00+03:00');
    await expect(
      beforeEaster(
        { operation: 'book', centreId: 'kic-001', serviceId: 'passport', slot: '2026-04-03T09:00' },
        { customerNumber: newCaller() },
      ),
    ).resolves.toEqual({
      outcome: 'UNAVAILABLE',
      reason: 'HOLIDAY',
      sayPrompt: 'appointments.unavailable.holiday',
      say: 'Huduma Centres are closed on public holidays.',
    });
  });

  it('returns NOT_OFFERED for a service the centre has no desk for', async () => {
    await expect(book('kic-001', 'court-filing', '2026-02-04T09:00')).resolves.toMatchObject({
      outcome: 'NOT_OFFERED',
      reason: 'NOT_AT_CENTRE',
    });
  });

  it.each([
    [{ slot: 'tomorrow' }, { reason: 'WRONG_SLOT', field: 'slot' }],
    [{ slot: '2026-02-30T09:00' }, { reason: 'WRONG_SLOT', field: 'slot' }],
    [
      { callbackNumber: '12345' },
      {
        reason: 'WRONG_PHONE_NUMBER',
        field: 'callbackNumber',
        sayPrompt: 'appointments.invalid_phone_number',
        say: 'That is not a valid phone number.',
      },
    ],
    [{ idNumber: '12ab' }, { reason: 'NOT_DIGITS', field: 'idNumber' }],
    [{ idNumber: '123' }, { reason: 'WRONG_LENGTH', field: 'idNumber' }],
  ])('returns INVALID_INPUT for %j', async (parameters, failure) => {
    await expect(
      book('kic-001', 'passport', '2026-02-04T09:00', newCaller(), parameters),
    ).resolves.toEqual({ outcome: 'INVALID_INPUT', ...failure });
  });

  it('asks for a number when the calling number is withheld and none was keyed', async () => {
    await expect(book('kic-001', 'passport', '2026-02-04T09:00', 'anonymous')).resolves.toEqual({
      outcome: 'INVALID_INPUT',
      reason: 'NO_PHONE_NUMBER',
      field: 'callbackNumber',
      sayPrompt: 'appointments.phone_number_needed',
      say: 'We need a phone number to send your booking to. Please enter your mobile number, then press hash.',
    });
  });

  it('lists a caller’s upcoming bookings for the caller-context feature', async () => {
    const caller = newCaller();
    const later = await book('kic-001', 'police-abstract', '2026-02-12T15:00', caller);
    const sooner = await book('kic-001', 'land-rates', '2026-02-06T08:30', caller);

    const upcoming = await bookings.listUpcomingByCaller(caller, '2026-02-02');

    expect(upcoming.map((booking) => booking.reference)).toEqual([
      sooner.reference,
      later.reference,
    ]);
    expect(await bookings.listUpcomingByCaller(caller, '2026-02-07')).toHaveLength(1);
  });
});
