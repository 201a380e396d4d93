import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import type { Language } from '#shared/speech/render.ts';
import { appointmentsAt } from '../support/appointments.ts';
import { documentClient, identityHasher, tableNames, uniqueCaller } from '../support/data.ts';
import { smsTo, ussdPhone, ussdText } from '../support/ussd.ts';

const LANGS: readonly [Language, string][] = [
  ['en', '1'],
  ['sw', '2'],
];
const text = (prompt: string, lang: Language) => ussdText({ prompt }, lang);
const bookings = createBookingRepository(documentClient, tableNames.serviceData, identityHasher);

/** The gateway configured, and ussdPhone posting from within it: the number is the network's. */
const GATEWAY = { gatewayCidrs: '196.201.214.0/24' };
/** Weekday mornings no other USSD test books on (Nairobi). */
const MORNINGS: Record<Language, string> = { en: '2027-03-10', sw: '2027-03-11' };
const clockOn = (day: string) => () => new Date(`${day}T04:00:00.000Z`);
/** Mombasa County, its centre, the first service, the first slot, confirm. */
const TO_BOOKED = ['1', '1', '1', '1', '1', '1', '1'];
const codesTo = (to: string, from: number) =>
  smsTo(localOutbox, to, from).filter((sms) => sms.prompt === 'caller.sms.code');

describe.each(LANGS)("USSD records on the session's own number in %s", (lang, key) => {
  it('shows and cancels a booking on its own number without a code; another number is asked for one', async () => {
    const owner = uniqueCaller();
    const clock = clockOn(MORNINGS[lang]);
    const phone = ussdPhone(owner, { ...GATEWAY, clock });
    await phone.walk([key, ...TO_BOOKED]);
    const [booking] = await bookings.listUpcomingByCaller(owner, MORNINGS[lang]);
    const reference = String(booking?.reference);

    const stranger = uniqueCaller();
    const other = ussdPhone(stranger, { ...GATEWAY, clock });
    const sent = localOutbox.length;
    const asked = await other.walk([key, '1', '2', reference]);
    expect(asked[4]).toMatch(new RegExp(`^CON ${text('ussd.appointments.ask_proof', lang)}`));
    expect(codesTo(owner, sent)).toHaveLength(1);

    phone.newSession();
    const before = localOutbox.length;
    const own = await phone.walk(['1', '2', reference]);
    expect(own[3]).toMatch(new RegExp(`\n${text('ussd.appointments.manage_options', lang)}\n`));
    expect(own.join('\n')).not.toContain(text('ussd.appointments.ask_proof', lang));
    await phone.post(['1', '2', reference, '1'].join('*'));
    expect((await bookings.get(reference)).booking?.status).toBe('CANCELLED');
    expect(codesTo(owner, before)).toEqual([]);
  }, 120_000);

  it('gives a complaint status on its own number without a code; another number is asked for one', async () => {
    const owner = uniqueCaller();
    const phone = ussdPhone(owner, GATEWAY);
    const sent = localOutbox.length;
    await phone.walk([key, '4', '1', '2', '3', '1']);
    const reference = String(
      smsTo(localOutbox, owner, sent).find((sms) => sms.prompt === 'complaints.sms.acknowledgement')
        ?.vars.reference,
    );

    const other = ussdPhone(uniqueCaller(), GATEWAY);
    const before = localOutbox.length;
    const asked = await other.walk([key, '4', '2', reference]);
    expect(asked[4]).toMatch(new RegExp(`^CON ${text('ussd.complaints.code_sent', lang)}`));
    expect(codesTo(owner, before)).toHaveLength(1);

    phone.newSession();
    const after = localOutbox.length;
    const status = await phone.walk(['4', '2', reference]);
    expect(status[3]).toContain(reference);
    expect(status[3]).not.toContain(text('ussd.complaints.code_sent', lang));
    expect(codesTo(owner, after)).toEqual([]);
  }, 120_000);
});

describe('the own number is proof on USSD behind the configured gateway only', () => {
  it('asks for the code when the gateway is not configured (any source could claim the number)', async () => {
    const owner = uniqueCaller();
    const clock = clockOn('2027-03-12');
    const open = ussdPhone(owner, { gatewayCidrs: '', clock });
    await open.walk(['1', ...TO_BOOKED]);
    const [booking] = await bookings.listUpcomingByCaller(owner, '2027-03-12');
    open.newSession();
    const asked = await open.walk(['1', '2', String(booking?.reference)]);
    expect(asked[3]).toMatch(new RegExp(`^CON ${text('ussd.appointments.ask_proof', 'en')}`));
  }, 120_000);

  it('does not take voice caller ID as proof: the same number on a call still needs the code', async () => {
    const owner = uniqueCaller();
    const clock = clockOn('2027-03-15');
    await ussdPhone(owner, { ...GATEWAY, clock }).walk(['1', ...TO_BOOKED]);
    const [booking] = await bookings.listUpcomingByCaller(owner, '2027-03-15');
    const reference = String(booking?.reference);
    const call = appointmentsAt('2027-03-15T07:00:00+03:00');
    const options = { customerNumber: owner };
    expect(await call({ operation: 'send-code', reference }, options)).toMatchObject({
      outcome: 'CODE_SENT',
    });
    expect(await call({ operation: 'find-booking', reference }, options)).toMatchObject({
      outcome: 'PROOF_REQUIRED',
    });
  }, 120_000);
});
