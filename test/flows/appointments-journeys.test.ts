import { appointmentPolicy } from '#lambdas/appointments/policy.ts';
import { localHandler } from '#local/handlers.ts';
import { createSmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { newReference } from '#shared/reference.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { type Call, call, ENGLISH, freshCaller, withLambda } from '../support/contact-centre.ts';
import { documentClient, identityHasher, tableNames } from '../support/data.ts';
import {
  failing,
  heardIn,
  LANGUAGES,
  meanwhile,
  realHandler,
  withoutFlow,
} from '../support/journeys.ts';

/** Menu 1 (appointments), 1 (book), Nairobi (47), GPO (1): the service menu's first page. */
const TO_GPO_SERVICES = ['1', '1', '47', '1'];
/** From GPO's service menu: the last page (9, 9, 9), court filing (2): two places per slot. */
const COURT_FILING = ['9', '9', '9', '2'];

/** Operations the appointments Lambda was asked for, and what each answered. */
const appointments = (result: Call) =>
  result
    .callsTo('appointments')
    .map((event) => `${event.parameters.operation}:${String(event.result?.outcome)}`);

/** The appointments handler, as another contact would call it (another caller, another call). */
const elsewhere = (
  parameters: Record<string, string>,
  customerNumber: string,
  contactId: ReturnType<typeof crypto.randomUUID> = crypto.randomUUID(),
) =>
  realHandler('appointments')(
    connectEvent({ lang: 'en', ...parameters }, { customerNumber, contactId }),
    lambdaContext('appointments'),
  ) as Promise<Record<string, string>>;

describe.each(LANGUAGES)('appointments flow in $language', ({ key, lang }) => {
  it('re-prompts the first menu after a silence and a wrong key, then offers an agent', async () => {
    // Act
    const result = await call({ keys: [key, '1', '_', '5', '6'], queue: { maxWaitSeconds: 0 } });

    // Assess
    expect(heardIn(result, lang).slice(-7)).toEqual([
      'appointments.start',
      'main.no_choice',
      'appointments.start',
      'main.invalid_choice',
      'appointments.start',
      'main.invalid_choice',
      'agent.connecting',
    ]);
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Appointments' });
  });

  it('asks again for the county after a silence and an unknown county, and for the centre after a silence and a wrong key', async () => {
    const result = await call({ keys: [key, '1', '1', '_', '99', '47', '_', '9', '2'] });

    expect(appointments(result)).toEqual([
      'list-centres:NOT_FOUND',
      'list-centres:FOUND',
      'list-centres:FOUND',
      'list-centres:FOUND',
      'list-services:FOUND',
    ]);
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining([
        'main.no_choice',
        'appointments.unknown_county',
        'main.invalid_choice',
        'appointments.menu.7',
      ]),
    );
    expect(result.callsTo('appointments').at(-1)?.parameters.centreId).toBe('nac-002');
  });

  it('lists the services again after a wrong key and a silence, and reads the next page on 9', async () => {
    const result = await call({ keys: [key, ...TO_GPO_SERVICES, '#', '_', '9', '2'] });

    const services = result.callsTo('appointments').filter((event) => {
      return event.parameters.operation === 'list-services';
    });
    expect(services.map((event) => event.parameters.page)).toEqual(['', '', '', '2']);
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['main.invalid_choice', 'main.no_choice']),
    );
    expect(result.callsTo('appointments').at(-1)?.parameters).toMatchObject({
      operation: 'offer-slots',
      serviceId: services.at(-1)?.result?.option2,
    });
  });

  it('offers later times on 9, re-offers after a silence and a wrong key, and books the third slot once confirmed', async () => {
    const from = freshCaller();

    const result = await call({
      from,
      keys: [key, ...TO_GPO_SERVICES, '1', '9', '_', '5', '3', '_', '1', '_'],
    });

    const offers = result
      .callsTo('appointments')
      .filter((event) => event.parameters.operation === 'offer-slots');
    expect(offers[1]?.parameters.after).toBe(offers[0]?.result?.nextAfter);
    const booked = result.callsTo('appointments').at(-1);
    expect(booked?.parameters).toMatchObject({
      operation: 'book',
      slot: offers.at(-1)?.result?.slot3,
    });
    expect(booked?.result?.outcome).toBe('BOOKED');
    // Kiswahili menus read from clips listen after a short "choose now" (main.choose_now).
    const messages = heardIn(result, lang).filter((id) => id !== 'main.choose_now');
    expect(messages.slice(-5)).toEqual([
      'appointments.confirm',
      'appointments.confirm',
      'appointments.booked',
      'appointments.after',
      'main.goodbye',
    ]);
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('says so when a service has no free place in the booking window, and offers what next', async () => {
    // Prepare: an operator has closed court filing to bookings (no places per slot in the policy).
    const noPlaces = localHandler('appointments', {
      policy: {
        ...appointmentPolicy,
        capacity: { ...appointmentPolicy.capacity, 'court-filing': 0 },
      },
    });

    const result = await call({
      keys: [key, ...TO_GPO_SERVICES, ...COURT_FILING, '_'],
      engineResources: withLambda('appointments', (event, context) =>
        noPlaces(event as Parameters<typeof noPlaces>[0], context),
      ),
    });

    expect(appointments(result).at(-1)).toBe('offer-slots:NO_SLOTS');
    expect(heardIn(result, lang).slice(-3)).toEqual([
      'appointments.no_slots',
      'appointments.after',
      'main.goodbye',
    ]);
  });

  it('offers other times when the slot is taken by other callers while the caller confirms', async () => {
    // Prepare: just before this caller's booking, other callers take every place in the slot.
    let taken: string | undefined;
    const race = meanwhile('appointments', 'book', async ({ Details: { Parameters } }) => {
      if (taken) return;
      taken = Parameters.slot;
      const others = { operation: 'book', centreId: 'nac-001', serviceId: 'court-filing' };
      for (let place = 0; place < 10; place++) {
        const other = await elsewhere({ ...others, slot: taken! }, freshCaller());
        if (other.outcome === 'FULL') return;
      }
    });

    // Act
    const result = await call({
      from: freshCaller(),
      keys: [key, ...TO_GPO_SERVICES, ...COURT_FILING, '1', '1', '1', '1'],
      engineResources: race,
    });

    // Assess
    expect(appointments(result).slice(-4)).toEqual([
      'offer-slots:FOUND',
      'book:FULL',
      'offer-slots:FOUND',
      'book:BOOKED',
    ]);
    const offered = result.callsTo('appointments').at(-2)?.result;
    expect(Object.values(offered ?? {})).not.toContain(taken);
    expect(heardIn(result, lang)).toContain('appointments.full');
  });

  it('tells a caller who already holds a booking for the service, and sends its details again', async () => {
    const from = freshCaller();
    await call({ from, keys: [key, ...TO_GPO_SERVICES, '1', '1', '1'] });

    // Declines the caller-context offer of the booking (2), then books the same service again.
    const result = await call({ from, keys: [key, '2', ...TO_GPO_SERVICES, '1', '1', '1'] });

    expect(appointments(result).at(-1)).toBe('book:CONFLICT');
    expect(result.callsTo('appointments').at(-1)?.result?.reason).toBe('ACTIVE_BOOKING');
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['appointments.already_booked', 'appointments.after']),
    );
    expect(result.attributes.journey).toBe(',appointments,appointments:CONFLICT');
    expect(localOutbox.filter((message) => message.to === from).map((m) => m.prompt)).toEqual([
      'appointments.sms.booked',
      'appointments.sms.reminder',
    ]);
  });

  it('asks a caller whose number is withheld for a number to send the booking to, again after a wrong one', async () => {
    const smsNumber = freshCaller();

    const result = await call({
      from: 'anonymous',
      keys: [key, ...TO_GPO_SERVICES, '1', '1', '1', '12345', `0${smsNumber.slice(4)}`],
    });

    expect(appointments(result).slice(-3)).toEqual([
      'book:INVALID_INPUT',
      'book:INVALID_INPUT',
      'book:BOOKED',
    ]);
    expect(
      heardIn(result, lang).filter((id) => id === 'appointments.phone_number_needed'),
    ).toHaveLength(2);
    expect(localOutbox.filter((message) => message.to === smsNumber).map((m) => m.prompt)).toEqual([
      'appointments.sms.booked',
    ]);
  });

  it('asks for another number when the keyed one has had its SMS for the day', async () => {
    // A day far ahead, so the allowance's expiry (its TTL) has not passed in the real world.
    const at = '2031-03-18T10:00:00+03:00';
    const flooded = freshCaller();
    const allowance = createSmsAllowanceRepository(
      documentClient,
      tableNames.serviceData,
      identityHasher,
    );
    for (let i = 0; i < 10; i++) await allowance.take(flooded, new Date(at));
    const spare = freshCaller();

    const result = await call({
      from: 'anonymous',
      at,
      keys: [key, ...TO_GPO_SERVICES, '1', '1', '1', `0${flooded.slice(4)}`, `0${spare.slice(4)}`],
    });

    expect(appointments(result).slice(-2)).toEqual(['book:SMS_LIMITED', 'book:BOOKED']);
    expect(localOutbox.filter((message) => message.to === flooded)).toEqual([]);
    expect(localOutbox.filter((message) => message.to === spare).map((m) => m.prompt)).toEqual([
      'appointments.sms.booked',
    ]);
  });

  it('asks again for the booking reference after a silence and a mistyped one, and answers an unknown one as a wrong proof', async () => {
    const result = await call({
      keys: [key, '1', '2', '_', '12345678', newReference('booking'), '123456', '223344', '334455'],
      queue: { maxWaitSeconds: 0 },
    });

    expect(appointments(result)).toEqual([
      'send-code:INVALID_INPUT',
      'send-code:CODE_SENT',
      'find-booking:VERIFICATION_FAILED',
      'find-booking:VERIFICATION_FAILED',
      'find-booking:VERIFICATION_FAILED',
    ]);
    const heard = heardIn(result, lang);
    expect(heard.slice(heard.indexOf('appointments.ask_reference'))).toEqual([
      'appointments.ask_reference',
      'main.no_choice',
      'appointments.ask_reference',
      'appointments.invalid_reference',
      'appointments.ask_reference',
      'appointments.code_sent',
      'appointments.ask_proof',
      'appointments.verification_failed',
      'appointments.ask_proof',
      'appointments.verification_failed',
      'appointments.ask_proof',
      'appointments.verification_failed',
      'agent.connecting',
    ]);
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Appointments' });
  });

  it('says a proof of the wrong shape failed and asks for it again', async () => {
    const owner = freshCaller();
    const booking = await call({ from: owner, keys: [key, ...TO_GPO_SERVICES, '1', '1', '1'] });

    const result = await call({
      from: freshCaller(),
      keys: [key, '1', '2', booking.attributes.reference!, '12', 'sms', '1'],
    });

    expect(appointments(result)).toEqual([
      'send-code:CODE_SENT',
      'find-booking:INVALID_INPUT',
      'find-booking:FOUND',
      'cancel:CANCELLED',
    ]);
    expect(result.callsTo('appointments')[1]?.result).toMatchObject({ field: 'proof' });
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['appointments.verification_failed', 'appointments.booking.details']),
    );
  });

  it('asks for the code sent to the booking’s number, again after a wrong one, then cancels the booking', async () => {
    const owner = freshCaller();
    const booking = await call({ from: owner, keys: [key, ...TO_GPO_SERVICES, '1', '1', '1'] });

    const result = await call({
      from: freshCaller(),
      keys: [key, '1', '2', booking.attributes.reference!, '0700000000', 'sms', '1'],
    });

    expect(appointments(result)).toEqual([
      'send-code:CODE_SENT',
      'find-booking:VERIFICATION_FAILED',
      'find-booking:FOUND',
      'cancel:CANCELLED',
    ]);
    expect(localOutbox.filter((m) => m.to === owner).map((m) => m.prompt)).toContain(
      'caller.sms.code',
    );
    // Proved once on the contact: cancel needs no proof again.
    expect(result.callsTo('appointments').at(-1)?.parameters).not.toHaveProperty('proof');
    expect(heardIn(result, lang).slice(-7)).toEqual([
      'appointments.ask_proof',
      'appointments.verification_failed',
      'appointments.ask_proof',
      'appointments.booking.details',
      'appointments.manage_options',
      'appointments.cancelled',
      'appointments.after',
    ]);
    expect(result.attributes.selfService).toBe('CANCELLED');
  });

  it('routes a caller whose proofs keep failing to an agent once the booking is locked', async () => {
    const booking = await call({
      from: freshCaller(),
      keys: [key, ...TO_GPO_SERVICES, '1', '1', '1'],
    });
    // Three wrong proofs in an earlier call (then an agent): two more reach the limit of five.
    await call({
      from: freshCaller(),
      keys: [
        key,
        '1',
        '2',
        booking.attributes.reference!,
        '0744444444',
        '0755555555',
        '0766666666',
      ],
      queue: { maxWaitSeconds: 0 },
    });

    const result = await call({
      from: freshCaller(),
      keys: [key, '1', '2', booking.attributes.reference!, '0711111111', '0722222222'],
      queue: { maxWaitSeconds: 0 },
    });

    expect(appointments(result).at(-1)).toBe('find-booking:LOCKED_OUT');
    expect(heardIn(result, lang).slice(-2)).toEqual([
      'appointments.locked_out',
      'agent.connecting',
    ]);
    expect(result.attributes.journey).toContain('appointments:LOCKED_OUT');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Appointments' });
  });

  it('offers the caller their booking at once and, after a silence at the options, moves it', async () => {
    // Prepare: a birth certificate appointment (service 4), which no other flow test books.
    const from = freshCaller();
    const booking = await call({ from, keys: [key, ...TO_GPO_SERVICES, '4', '1', '1'] });

    // Act: take the offer (1), key the code sent by SMS, silence at the options, move (2) to
    // the second time offered.
    const result = await call({ from, keys: [key, '1', 'sms', '_', '2', '2'] });

    expect(appointments(result)).toEqual([
      'send-code:CODE_SENT',
      'find-booking:FOUND',
      'offer-slots:FOUND',
      'move:MOVED',
    ]);
    const moved = result.callsTo('appointments').at(-1)!;
    expect(moved.parameters).toMatchObject({ reference: booking.attributes.reference });
    expect(moved.parameters).not.toHaveProperty('proof');
    expect(moved.result?.slot).not.toBe(booking.callsTo('appointments').at(-1)?.result?.slot);
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['caller.upcoming_booking', 'appointments.booking.details']),
    );
    expect(heardIn(result, lang).filter((id) => id === 'appointments.manage_options')).toHaveLength(
      2,
    );
    expect(heardIn(result, lang).slice(-2)).toEqual(['appointments.moved', 'appointments.after']);
    expect(result.attributes.selfService).toBe('MOVED');
  });

  it('tells the caller nothing changed when the booking was cancelled from another call meanwhile', async () => {
    const from = freshCaller();
    const booking = await call({ from, keys: [key, ...TO_GPO_SERVICES, '1', '1', '1'] });
    const reference = booking.attributes.reference!;
    const cancelledElsewhere = meanwhile('appointments', 'cancel', async () => {
      // Another call proves the booking with a code of its own, then cancels it.
      const contactId = crypto.randomUUID();
      await elsewhere({ operation: 'send-code', reference }, from, contactId);
      const code = localOutbox.findLast((m) => m.prompt === 'caller.sms.code')?.vars.code;
      await elsewhere(
        { operation: 'find-booking', reference, proof: String(code) },
        from,
        contactId,
      );
      await elsewhere({ operation: 'cancel', reference }, from, contactId);
    });

    const result = await call({
      from,
      keys: [key, '1', 'sms', '1'],
      engineResources: cancelledElsewhere,
    });

    expect(appointments(result)).toEqual([
      'send-code:CODE_SENT',
      'find-booking:FOUND',
      'cancel:CONFLICT',
    ]);
    expect(result.callsTo('appointments').at(-1)?.result?.reason).toBe('CANCELLED');
    expect(heardIn(result, lang).slice(-2)).toEqual([
      'appointments.booking.cancelled',
      'appointments.after',
    ]);
    expect(result.attributes.selfService).toBeUndefined();
  });

  it('apologises and queues for an agent when the Lambda fails', async () => {
    const result = await call({
      keys: [key, '1', '1', '47'],
      engineResources: failing('appointments'),
      queue: { maxWaitSeconds: 0 },
    });

    expect(result.callsTo('appointments')[0]?.error).toBe('appointments is unavailable');
    expect(heardIn(result, lang).slice(-3)).toEqual([
      'appointments.ask_county',
      'main.error',
      'agent.connecting',
    ]);
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Appointments' });
  });

  it('apologises and ends the call when the agent flow cannot be reached', async () => {
    const result = await call({ keys: [key, '1', '0'], engineResources: withoutFlow('agent') });

    expect(heardIn(result, lang).slice(-2)).toEqual(['appointments.start', 'main.error']);
    expect(result.attributes.intent).toBe('appointments');
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });
});

describe('appointments menus read from data', () => {
  const listed = (result: Call, operation: string) =>
    result.callsTo('appointments').find((event) => event.parameters.operation === operation)
      ?.result;

  it.each(['2', '3', '4', '5'])(
    'key %s picks the Nairobi centre the menu read for it',
    async (choice) => {
      const result = await call({ keys: [ENGLISH, '1', '1', '47', choice] });

      const centre = listed(result, 'list-centres')?.[`option${choice}`];
      expect(centre).toMatch(/^nac-00\d$/);
      expect(result.callsTo('appointments').at(-1)).toMatchObject({
        parameters: { operation: 'list-services', centreId: centre },
        result: { outcome: 'FOUND' },
      });
    },
  );

  it.each(['6', '7'])(
    'key %s, beyond the five Nairobi centres, is not a choice',
    async (choice) => {
      const result = await call({ keys: [ENGLISH, '1', '1', '47', choice] });

      expect(appointments(result)).toEqual([
        'list-centres:FOUND',
        'list-services:NOT_FOUND',
        'list-centres:FOUND',
      ]);
      expect(result.heard).toContain('main.invalid_choice');
    },
  );

  it.each(['2', '3', '4', '5', '6', '7'])(
    'key %s picks the service the menu read for it',
    async (choice) => {
      const result = await call({ keys: [ENGLISH, ...TO_GPO_SERVICES, choice] });

      const service = listed(result, 'list-services')?.[`option${choice}`];
      expect(result.callsTo('appointments').at(-1)).toMatchObject({
        parameters: { operation: 'offer-slots', centreId: 'nac-001', serviceId: service },
        result: { outcome: 'FOUND' },
      });
    },
  );

  it('takes a key beyond the services read on the last page as a wrong key', async () => {
    const result = await call({ keys: [ENGLISH, ...TO_GPO_SERVICES, '9', '9', '9', '5'] });

    expect(appointments(result).slice(-2)).toEqual([
      'offer-slots:NOT_OFFERED',
      'list-services:FOUND',
    ]);
    expect(result.heard.slice(-2)).toEqual(['main.invalid_choice', 'appointments.menu.4']);
  });
});
