import { randomUUID } from 'node:crypto';
import { appointmentPolicy, capacityOf } from '#lambdas/appointments/policy.ts';
import { appointmentsAt, bookingRepository, newCaller } from '../support/appointments.ts';
import { lambdaContext } from '../support/connect.ts';

// Monday 2 March 2026 in Nairobi. Other appointment test files use other weeks. Deployed,
// each attempt runs in its own Lambda against DynamoDB; here one DynamoDB Local queues all
// of them, so the burst may outlast Connect's 3 s per call: give middy more time.
const appointments = appointmentsAt(
  '2026-03-02T08:00:00+03:00',
  {},
  {
    ...lambdaContext('appointments'),
    getRemainingTimeInMillis: () => 60_000,
  },
);
const bookings = bookingRepository();

// 100 handlers against one local emulator on a shared machine: seconds, not milliseconds.
const BURST_TIMEOUT_MS = 30_000;

describe('appointments handler: booking the last places concurrently', () => {
  it(
    'turns 100 simultaneous attempts on the last 10 places into 10 bookings and 90 FULL',
    async () => {
      // Prepare: new-id has 12 places a slot; take 2, leaving the last 10.
      const [centreId, serviceId, slot] = ['nyc-001', 'new-id', '2026-03-04T10:00'];
      const capacity = capacityOf(appointmentPolicy, serviceId);
      expect(capacity).toBe(12);
      const book = () =>
        appointments(
          { operation: 'book', centreId, serviceId, slot },
          { customerNumber: newCaller(), contactId: randomUUID() },
        );
      for (let taken = 0; taken < capacity - 10; taken++)
        expect((await book()).outcome).toBe('BOOKED');

      // Act
      const results = await Promise.all(Array.from({ length: 100 }, book));

      // Assess
      const outcomes = results.map((result) => result.outcome);
      expect(outcomes.filter((outcome) => outcome === 'BOOKED')).toHaveLength(10);
      expect(outcomes.filter((outcome) => outcome === 'FULL')).toHaveLength(90);
      expect(new Set(results.map((result) => result.reference).filter(Boolean)).size).toBe(10);
      const counts = await bookings.bookedCounts(centreId, serviceId, slot, slot);
      expect(counts.get(slot)).toBe(capacity);
    },
    BURST_TIMEOUT_MS,
  );

  it(
    'never lets concurrent cancels and bookings push a counter past capacity or below zero',
    async () => {
      // Prepare: fill a court-filing slot (2 places), then cancel both while 10 others try to book.
      const [centreId, serviceId, slot] = ['nac-002', 'court-filing', '2026-03-05T11:00'];
      const holders = [newCaller(), newCaller()];
      const held = await Promise.all(
        holders.map((caller) =>
          appointments(
            { operation: 'book', centreId, serviceId, slot, idNumber: '31415926' },
            { customerNumber: caller },
          ),
        ),
      );

      // Act
      const results = await Promise.all([
        ...held.map((booking, index) =>
          appointments(
            // Proved with the ID number given when booking: caller ID is no proof.
            { operation: 'cancel', reference: booking.reference!, proof: '31415926' },
            { customerNumber: holders[index] },
          ),
        ),
        ...Array.from({ length: 10 }, () =>
          appointments(
            { operation: 'book', centreId, serviceId, slot },
            { customerNumber: newCaller() },
          ),
        ),
      ]);

      // Assess
      expect(results.slice(0, 2).map((result) => result.outcome)).toEqual([
        'CANCELLED',
        'CANCELLED',
      ]);
      const booked = results.slice(2).filter((result) => result.outcome === 'BOOKED').length;
      const counts = await bookings.bookedCounts(centreId, serviceId, slot, slot);
      expect(booked).toBeLessThanOrEqual(2);
      expect(counts.get(slot)).toBe(booked);
    },
    BURST_TIMEOUT_MS,
  );
});
