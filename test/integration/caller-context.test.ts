import { contactCentreHours, environments, withOperatingHours } from '#lib/config/environments.ts';
import { localHandler } from '#local/handlers.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { uniqueCaller } from '../support/data.ts';

const appointments = localHandler('appointments');
const callerContext = localHandler('caller-context');
const complaints = localHandler('complaints');

const contextOf = (customerNumber: string) =>
  callerContext(connectEvent({}, { customerNumber }), lambdaContext('caller-context'));

const lodgeComplaint = (customerNumber: string) =>
  complaints(
    connectEvent(
      { operation: 'create', categoryKey: '1', serviceKey: '3', callbackNumber: '' },
      { customerNumber },
    ),
    lambdaContext('complaints'),
  );

const bookFirstSlot = async (customerNumber: string) => {
  const invoke = (parameters: Record<string, string>) =>
    appointments(connectEvent(parameters, { customerNumber }), lambdaContext('appointments'));
  const offer = await invoke({
    operation: 'offer-slots',
    centreId: 'nac-001',
    serviceId: 'passport',
  });
  return invoke({
    operation: 'book',
    centreId: 'nac-001',
    serviceId: 'passport',
    slot: offer.slot1!,
  });
};

describe('caller context', () => {
  it('knows nothing of a withheld number', async () => {
    await expect(contextOf('anonymous')).resolves.toEqual({ outcome: 'UNKNOWN' });
  });

  it('reports a caller with nothing open', async () => {
    await expect(contextOf(uniqueCaller())).resolves.toEqual({
      outcome: 'KNOWN',
      openComplaints: '0',
      upcomingBookings: '0',
    });
  });

  it('offers the status of an open complaint first, whatever form the number comes in, naming nothing before proof', async () => {
    const caller = uniqueCaller();
    const lodged = await lodgeComplaint(caller);
    await bookFirstSlot(caller);

    const result = await contextOf(`0${caller.slice(4)}`);

    expect(result).toMatchObject({
      outcome: 'OPEN_COMPLAINT',
      openComplaints: '1',
      upcomingBookings: '1',
      shortcut: 'complaint-status',
      sayPrompt: 'caller.open_complaint',
    });
    // Caller ID is a hint: no reference reaches the flow or is spoken before the caller proves.
    expect(result).not.toHaveProperty('shortcutReference');
    expect(JSON.stringify(result)).not.toContain(lodged.reference!);
    expect(result.say).not.toContain(lodged.reference!.split('').join(' '));
  });

  it('offers an upcoming appointment when no complaint is open, in Kiswahili too, naming no centre or time', async () => {
    const caller = uniqueCaller();
    const booked = await bookFirstSlot(caller);

    const result = await callerContext(
      connectEvent({ lang: 'sw' }, { customerNumber: caller }),
      lambdaContext('caller-context'),
    );

    expect(result).toMatchObject({
      outcome: 'UPCOMING_BOOKING',
      upcomingBookings: '1',
      shortcut: 'booking',
      clip1: expect.stringMatching(/caller\.upcoming_booking\.wav$/),
    });
    expect(result).not.toHaveProperty('shortcutReference');
    expect(JSON.stringify(result)).not.toMatch(
      new RegExp(`${booked.reference}|nac-001|${booked.slot}`),
    );
  });
});

describe('when the agents are back', () => {
  const twelveHours = contactCentreHours(withOperatingHours(environments.dev, '12 h'));
  const agentsBack = (at: string, hours: OpeningHours = twelveHours, lang = 'en') =>
    localHandler('caller-context', { hours, clock: () => new Date(at) })(
      connectEvent({ operation: 'agents-back', lang }, { customerNumber: uniqueCaller() }),
      lambdaContext('caller-context'),
    );

  it('names the next opening of the configured hours, in both languages', async () => {
    const evening = '2026-12-01T22:00:00+03:00';

    await expect(agentsBack(evening)).resolves.toEqual({
      outcome: 'OPENS',
      sayPrompt: 'caller.agents_back',
      say: 'Our agents are not available right now. They will be back on Wednesday 2 December at 07:00.',
    });
    await expect(agentsBack(evening, twelveHours, 'sw')).resolves.toMatchObject({
      outcome: 'OPENS',
      clip1: expect.stringMatching(/caller\.agents_back\.p1\.wav$/),
      clip5: expect.stringMatching(/time\.0700\.wav$/),
    });
  });

  it('skips the days the hours close and follows a later opening time', async () => {
    const weekdaysFromHalfPastEight: OpeningHours = {
      timeZone: 'Africa/Nairobi',
      weekly: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
        day: day as OpeningHours['weekly'][number]['day'],
        open: '08:30',
        close: '17:00',
      })),
      closedDates: ['2026-12-14'],
    };

    // Friday 11 December after closing: the weekend, then a closed Monday.
    const result = await agentsBack('2026-12-11T18:00:00+03:00', weekdaysFromHalfPastEight);

    expect(result.say).toBe(
      'Our agents are not available right now. They will be back on Tuesday 15 December at 08:30.',
    );
  });

  it('says nothing of a time when it cannot name one: no opening ahead, or open by its own clock', async () => {
    const neverOpen: OpeningHours = { timeZone: 'Africa/Nairobi', weekly: [], closedDates: [] };

    await expect(agentsBack('2026-12-01T22:00:00+03:00', neverOpen)).resolves.toEqual({
      outcome: 'NOT_KNOWN',
    });
    // The flow found the hours closed a moment before they opened.
    await expect(agentsBack('2026-12-02T07:00:01+03:00')).resolves.toEqual({
      outcome: 'NOT_KNOWN',
    });
  });
});
