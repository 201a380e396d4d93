import { localHandler } from '#local/handlers.ts';
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
