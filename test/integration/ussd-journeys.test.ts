import { localOutbox } from '#shared/notifications/default-notifier.ts';
import type { Language } from '#shared/speech/render.ts';
import { uniqueCaller } from '../support/data.ts';
import { newPensioner, repositories } from '../support/repositories.ts';
import { expectScreens, smsTo, ussdPhone, ussdText } from '../support/ussd.ts';

const LANGS: readonly [Language, string][] = [
  ['en', '1'],
  ['sw', '2'],
];
const text = (prompt: string, lang: Language) => ussdText({ prompt }, lang);

const { bookings, tickets } = repositories;

/** A weekday morning of its own per test (Nairobi), so tests never fill each other's slots. */
const mornings = ['2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-09'];
const clockOn = (day: string) => () => new Date(`${day}T04:00:00.000Z`);

/** Mombasa County (page 1, item 1), its centre, the first service, the first slot. */
const TO_CONFIRM = ['1', '1', '1', '1', '1', '1'];

describe.each(LANGS)('USSD journeys in %s', (lang, key) => {
  it('tracks a document: number, proof, status, and the result by SMS when it does not fit', async () => {
    const caller = uniqueCaller();
    const sent = localOutbox.length;
    const screens = await ussdPhone(caller).walk([key, '2', '12345678', '5678']);
    expectScreens(screens);
    expect(screens[3]).toMatch(new RegExp(`^CON ${text('ussd.tracking.ask_id_digits', lang)}`));
    const sms = smsTo(localOutbox, caller, sent);
    const result = screens[4] ?? '';
    if (sms.length > 0) {
      expect(result).toMatch(new RegExp(`^CON ${text('ussd.sms_sent', lang)}`));
      expect(String(sms[0]?.vars.text)).toContain('12345678');
    } else expect(result).toContain('12345678');
  });

  it('books an appointment with one effect, however often the gateway retries the step', async () => {
    const caller = uniqueCaller();
    const day = lang === 'en' ? mornings[0]! : mornings[1]!;
    const phone = ussdPhone(caller, { clock: clockOn(day) });
    const screens = await phone.walk([key, ...TO_CONFIRM]);
    expectScreens(screens);
    expect(screens.at(-1)).toMatch(/\n1\. .*\n2\. /);
    const path = [key, ...TO_CONFIRM, '1'].join('*');
    const sent = localOutbox.length;
    const [booked, again, concurrent] = await Promise.all([
      phone.post(path),
      phone.post(path),
      phone.post(path),
    ]);
    expect(again).toBe(booked);
    expect(concurrent).toBe(booked);
    expect(await phone.post(path)).toBe(booked);
    const held = await bookings.listUpcomingByCaller(caller, day);
    expect(held).toHaveLength(1);
    expect(booked).toContain(held[0]?.reference);
    const confirmations = smsTo(localOutbox, caller, sent).filter(
      (sms) => sms.prompt === 'appointments.sms.booked',
    );
    expect(new Set(confirmations.map((sms) => JSON.stringify(sms.vars))).size).toBe(1);
  });

  it('books nothing when the session times out at the confirmation', async () => {
    const caller = uniqueCaller();
    const day = lang === 'en' ? mornings[2]! : mornings[3]!;
    const phone = ussdPhone(caller, { clock: clockOn(day) });
    await phone.walk([key, ...TO_CONFIRM]);
    // The gateway ends the session; the next one starts afresh at the menu.
    phone.newSession();
    expect(await phone.post('')).toBe(`CON ${text('ussd.menu', lang)}`);
    expect(await bookings.listUpcomingByCaller(caller, day)).toEqual([]);
  });

  it('finds a booking by reference and the code sent by SMS, then cancels it', async () => {
    const caller = uniqueCaller();
    const phone = ussdPhone(caller, { clock: clockOn(mornings[4]!) });
    await phone.walk([key, ...TO_CONFIRM, '1']);
    const [booking] = await bookings.listUpcomingByCaller(caller, mornings[4]!);
    const reference = String(booking?.reference);
    phone.newSession();
    const asked = await phone.walk(['1', '2', reference]);
    expect(asked[3]).toMatch(new RegExp(`^CON ${text('ussd.appointments.ask_proof', lang)}`));
    // A wrong code: both asked again, and a new code sent.
    const wrong = await phone.post(['1', '2', reference, '000000'].join('*'));
    expect(wrong).toMatch(/^CON /);
    const sent = localOutbox.length;
    const path = ['1', '2', reference, '000000', reference];
    await phone.post(path.join('*'));
    const code = String(
      smsTo(localOutbox, caller, sent).find((sms) => sms.prompt === 'caller.sms.code')?.vars.code,
    );
    const found = await phone.post([...path, code].join('*'));
    expect(found).toMatch(new RegExp(`${text('ussd.appointments.manage_options', lang)}`));
    const cancelled = await phone.post([...path, code, '1'].join('*'));
    expectScreens([asked.at(-1)!, wrong, found, cancelled]);
    expect((await bookings.get(reference)).booking?.status).toBe('CANCELLED');
  });

  it('gives a pensioner claim status and last payment after proof, without asking it again', async () => {
    const { pensionNumber, idNumber } = await newPensioner();
    const screens = await ussdPhone(uniqueCaller()).walk([
      key,
      '3',
      '2',
      pensionNumber,
      idNumber,
      '1',
      '2',
    ]);
    expectScreens(screens);
    expect(screens[5]).toMatch(new RegExp(`${text('ussd.pensions.account_menu', lang)}`));
    expect(screens[6]).toMatch(new RegExp(`${text('ussd.pensions.account_menu', lang)}`));
    expect(screens[7]).toMatch(new RegExp(`${text('ussd.pensions.account_menu', lang)}`));
    expect(screens.join('\n')).not.toContain(idNumber);
  });

  it('lodges a complaint from the categories, then hears its status with the code sent by SMS', async () => {
    const caller = uniqueCaller();
    const phone = ussdPhone(caller);
    const sent = localOutbox.length;
    const lodged = await phone.walk([key, '4', '1', '2', '3', '1']);
    expectScreens(lodged);
    const acknowledgement = smsTo(localOutbox, caller, sent).find(
      (sms) => sms.prompt === 'complaints.sms.acknowledgement',
    );
    const reference = String(acknowledgement?.vars.reference);
    const ticket = await tickets.get(reference);
    expect(ticket).toMatchObject({ category: 'unlawful-conduct', serviceId: 'passport' });
    expect(lodged.at(-1)).toContain(reference);

    phone.newSession();
    const before = localOutbox.length;
    await phone.walk(['4', '2', reference]);
    const code = String(
      smsTo(localOutbox, caller, before).find((sms) => sms.prompt === 'caller.sms.code')?.vars.code,
    );
    const status = await phone.post(['4', '2', reference, code].join('*'));
    expectScreens([status]);
    expect(status).toMatch(/^CON /);
    expect(status).not.toContain(code);
  });
});
