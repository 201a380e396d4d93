import { createApplicationRepository } from '#shared/data/applications.repository.ts';
import { createAttemptRepository } from '#shared/data/attempts.repository.ts';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { createPensionRepository } from '#shared/data/pensions.repository.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { documentClient, identityHasher, tableNames, uniqueDigits } from './data.ts';

/**
 * The repositories over the test run's DynamoDB Local, built as the handlers build them (the
 * local identity hasher), for seeding records and reading what a handler wrote.
 */
export const repositories = {
  applications: createApplicationRepository(documentClient, tableNames.serviceData),
  attempts: createAttemptRepository(documentClient, tableNames.serviceData, identityHasher),
  bookings: createBookingRepository(documentClient, tableNames.serviceData, identityHasher),
  catalogue: createCatalogueRepository(documentClient, tableNames.serviceData),
  pensions: createPensionRepository(documentClient, tableNames.serviceData),
  tickets: createTicketRepository(documentClient, tableNames.tickets, { hasher: identityHasher }),
};

/**
 * A service pensioner in payment of the test's own (so failed proofs never lock another test's
 * record): next payment 22 December, life certificate due 31 December, last paid 24 November.
 */
export const newPensioner = async (lastPaymentKes = 31200) => {
  const pensionNumber = uniqueDigits(10, '00009');
  const idNumber = uniqueDigits(8, '3');
  await repositories.pensions.put(
    {
      pensionNumber,
      idNumberHash: await identityHasher.hash('pension', pensionNumber, idNumber),
      pensionType: 'service',
      claimStatus: 'IN_PAYMENT',
      monthlyAmountKes: 31200,
      nextPaymentDate: '2026-12-22',
      lifeCertificate: { status: 'DUE', dueDate: '2026-12-31' },
    },
    [{ date: '2026-11-24', amountKes: lastPaymentKes }],
  );
  return { pensionNumber, idNumber };
};

/** A passport application in processing of the test's own, so failed proofs never lock another test's record. */
export const newApplication = async (idNumberLast4 = '2580') => {
  const applicationNumber = uniqueDigits(8);
  await repositories.applications.put({
    applicationNumber,
    serviceId: 'passport',
    status: 'IN_PROCESSING',
    centreId: 'nac-001',
    idNumberLast4,
    updatedAt: '2026-11-20T08:00:00.000Z',
  });
  return applicationNumber;
};
