import { randomInt } from 'node:crypto';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { newReference } from '#shared/reference.ts';
import { call, ENGLISH, freshCaller, KISWAHILI } from '../support/contact-centre.ts';

const appointmentsCalls = (result: Awaited<ReturnType<typeof call>>) =>
  result.callsTo('appointments');

/** English, menu 1 (appointments), 1 (new), Nairobi (47), GPO (1), the first service, the first slot, confirm. */
const BOOK_AT_GPO = [ENGLISH, '1', '1', '47', '1', '1', '1', '1'];

describe('appointments flow', () => {
  it('books the first free slot at a centre chosen by keypad, reads the reference back and sends an SMS', async () => {
    // Prepare
    const from = freshCaller();

    // Act
    const result = await call({ from, keys: BOOK_AT_GPO });

    // Assess
    expect(appointmentsCalls(result).map((event) => event.parameters.operation)).toEqual([
      'list-centres',
      'list-services',
      'offer-slots',
      'book',
    ]);
    expect(result.heard).toEqual(
      expect.arrayContaining(['appointments.confirm', 'appointments.booked', 'appointments.after']),
    );
    const booked = appointmentsCalls(result).at(-1)?.result;
    expect(booked).toMatchObject({ outcome: 'BOOKED', centreId: 'nac-001' });
    expect(result.attributes).toMatchObject({
      reference: booked?.reference,
      selfService: 'BOOKED',
      journey: ',appointments,appointments:BOOKED',
    });
    expect(localOutbox.filter((message) => message.to === from)).toEqual([
      expect.objectContaining({ channel: 'sms', prompt: 'appointments.sms.booked', lang: 'en' }),
    ]);
  });

  it('books in Kiswahili, playing each menu from recorded clips before listening', async () => {
    const result = await call({
      from: freshCaller(),
      keys: [KISWAHILI, '1', '1', '47', '1', '1', '1', '1'],
    });

    expect(appointmentsCalls(result).at(-1)?.result?.outcome).toBe('BOOKED');
    expect(appointmentsCalls(result).every((event) => event.parameters.lang === 'sw')).toBe(true);
    expect(result.heard.filter((id) => id === 'main.choose_now')).toHaveLength(4);
    expect(
      result.prompts.some(
        (prompt) => prompt.promptId === 'centre.nac-001' && prompt.source === 'audio',
      ),
    ).toBe(true);
  });

  it('offers other times when the caller does not confirm', async () => {
    const result = await call({
      from: freshCaller(),
      keys: [ENGLISH, '1', '1', '47', '1', '1', '1', '2', '2', '1'],
    });

    const operations = appointmentsCalls(result).map((event) => event.parameters.operation);
    expect(operations.filter((operation) => operation === 'offer-slots')).toHaveLength(2);
    expect(operations.at(-1)).toBe('book');
  });

  it('offers a returning caller their booking at once, names it after the code sent by SMS, and cancels it', async () => {
    const from = freshCaller();
    const booking = await call({ from, keys: BOOK_AT_GPO });
    const reference = booking.attributes.reference!;

    // The caller context recognises the number (a hint) and offers the booking: its details
    // come only after the code sent to the booking's number.
    const result = await call({ from, keys: [ENGLISH, '1', 'sms', '1'] });

    expect(appointmentsCalls(result).map((event) => event.result?.outcome)).toEqual([
      'CODE_SENT',
      'FOUND',
      'CANCELLED',
    ]);
    expect(result.heard.indexOf('appointments.code_sent')).toBeLessThan(
      result.heard.indexOf('appointments.booking.details'),
    );
    expect(result.heard).toEqual(
      expect.arrayContaining([
        'caller.upcoming_booking',
        'appointments.booking.details',
        'appointments.manage_options',
        'appointments.cancelled',
      ]),
    );
    expect(result.attributes).toMatchObject({
      selfService: 'CANCELLED',
      verified: 'true',
      reference,
    });
  });

  it('takes the code sent to the booking’s number from another phone, then moves the booking', async () => {
    const from = freshCaller();
    const booking = await call({ from, keys: BOOK_AT_GPO });
    const reference = booking.attributes.reference!;

    const result = await call({
      from: freshCaller(),
      keys: [ENGLISH, '1', '2', reference, 'sms', '2', '2'],
    });

    expect(appointmentsCalls(result).map((event) => event.result?.outcome)).toEqual([
      'CODE_SENT',
      'FOUND',
      'FOUND',
      'MOVED',
    ]);
    expect(result.attributes.selfService).toBe('MOVED');
    expect(result.attributes).not.toHaveProperty('proof');
  });

  it('sends a caller whose proof keeps failing to an agent in the appointments queue', async () => {
    const booking = await call({ from: freshCaller(), keys: BOOK_AT_GPO });

    const result = await call({
      from: freshCaller(),
      keys: [
        ENGLISH,
        '1',
        '2',
        booking.attributes.reference!,
        '0711111111',
        '0722222222',
        '0733333333',
      ],
    });

    expect(result.heard).toEqual(expect.arrayContaining(['appointments.verification_failed']));
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Appointments' });
    expect(result.attributes.intent).toBe('appointments');
  });

  it('asks for a number to send the booking to when the calling number is withheld', async () => {
    const result = await call({
      from: 'anonymous',
      keys: [...BOOK_AT_GPO, `07${String(randomInt(10_000_000, 99_999_999))}`],
    });

    expect(result.heard).toContain('appointments.phone_number_needed');
    expect(appointmentsCalls(result).at(-1)?.result?.outcome).toBe('BOOKED');
  });

  it('re-asks for an unknown county, then offers an agent', async () => {
    const result = await call({ keys: [ENGLISH, '1', '1', '99', '98', '97'] });

    expect(result.heard.filter((id) => id === 'appointments.ask_county')).toHaveLength(3);
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Appointments' });
  });

  it('catches a mistyped booking reference with the check digit before any lookup', async () => {
    const reference = newReference('booking');
    const mistyped = `${reference.slice(0, 7)}${(Number(reference[7]) + 1) % 10}`;

    const result = await call({ keys: [ENGLISH, '1', '2', mistyped] });

    expect(appointmentsCalls(result)[0]?.result).toMatchObject({ outcome: 'INVALID_INPUT' });
    expect(result.heard).toContain('appointments.invalid_reference');
  });

  it('goes back to the main menu with star and to an agent with 0 from any prompt', async () => {
    const toMenu = await call({ keys: [ENGLISH, '1', '1', '*'] });
    const toAgent = await call({ keys: [ENGLISH, '1', '1', '47', '0'] });

    expect(toMenu.heard.filter((id) => id === 'main.menu')).toHaveLength(2);
    expect(toAgent.disposition).toMatchObject({ type: 'QUEUED', queue: 'Appointments' });
  });
});
