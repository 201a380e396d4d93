import { randomUUID } from 'node:crypto';

// The logger takes its level at construction and returns to it on every warm invocation, so
// DEBUG must be in the environment before the handler's modules load.
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
const { appointmentsAt, newCaller } = await import('../support/appointments.ts');
const { captureLogs } = await import('../support/data.ts');

// Monday 16 March 2026 in Nairobi. Other appointment test files use other weeks.
const appointments = appointmentsAt('2026-03-16T09:00:00+03:00');

describe('appointments handler: privacy in logs', () => {
  it('logs outcomes and references at DEBUG, never a phone or ID number', async () => {
    // Prepare
    const caller = newCaller();
    const callback = newCaller();
    const stranger = newCaller();
    const idNumber = '27182818';
    const national = (e164: string) => `0${e164.slice(4)}`;
    const references: string[] = [];

    // Act: every operation that handles personal data, and its failures
    const output = await captureLogs(async () => {
      const as = (customerNumber: string, parameters: Record<string, string>) =>
        appointments(parameters, { customerNumber, contactId: randomUUID() });
      const booked = await as(caller, {
        operation: 'book',
        centreId: 'mrc-001',
        serviceId: 'passport',
        slot: '2026-03-17T09:00',
        callbackNumber: national(callback),
        idNumber,
      });
      references.push(booked.reference!);
      const reference = booked.reference!;
      await as(caller, {
        operation: 'book',
        centreId: 'mrc-001',
        serviceId: 'passport',
        slot: '2026-03-18T09:00',
      });
      await as(caller, {
        operation: 'book',
        centreId: 'mrc-001',
        serviceId: 'kra-pin',
        slot: '2026-03-18T09:00',
        callbackNumber: '0712',
      });
      await as(stranger, { operation: 'find-booking', reference });
      await as(stranger, { operation: 'find-booking', reference, proof: national(stranger) });
      await as(stranger, { operation: 'find-booking', reference, proof: idNumber });
      await as(caller, { operation: 'move', reference, slot: '2026-03-19T10:00' });
      await as(stranger, { operation: 'send-code', reference });
      await as(stranger, { operation: 'find-booking', reference, proof: national(callback) });
      await as(stranger, { operation: 'cancel', reference, proof: idNumber });
    });

    // Assess
    const lines = output.split('\n').filter((line) => line.trim().startsWith('{'));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.some((line) => line.includes('"level":"DEBUG"'))).toBe(true);
    expect(output).toContain(references[0]);
    expect(output).toContain('"outcome":"CANCELLED"');
    for (const number of [caller, callback, stranger])
      for (const form of [number, number.slice(1), national(number), number.slice(4)])
        expect({ form, logged: output.includes(form) }).toEqual({ form, logged: false });
    expect(output).not.toContain(idNumber);
  });
});
