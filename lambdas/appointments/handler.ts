import { z } from 'zod';
import type { Clock } from '#shared/clock.ts';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { identityHasher } from '#shared/identity/default-identity-hasher.ts';
import { connectHandler } from '#shared/middleware.ts';
import { notifier } from '#shared/notifications/default-notifier.ts';
import { newReference } from '#shared/reference.ts';
import { BookParametersSchema, bookAppointment } from './book-appointment.ts';
import { CancelParametersSchema, cancelBooking } from './cancel-booking.ts';
import { config } from './config.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { FindBookingParametersSchema, findBooking } from './find-booking.ts';
import { FindCentreParametersSchema, findCentre } from './find-centre.ts';
import { ListCentresParametersSchema, listCentres } from './list-centres.ts';
import { ListServicesParametersSchema, listServices } from './list-services.ts';
import { MoveParametersSchema, moveBooking } from './move-booking.ts';
import { OfferSlotsParametersSchema, offerSlots } from './offer-slots.ts';
import { appointmentPolicy } from './policy.ts';

/** What the flow passes: `operation` selects the use case (docs/flow-contracts.md). */
export const AppointmentParametersSchema = z.discriminatedUnion('operation', [
  ListCentresParametersSchema,
  FindCentreParametersSchema,
  ListServicesParametersSchema,
  OfferSlotsParametersSchema,
  BookParametersSchema,
  FindBookingParametersSchema,
  CancelParametersSchema,
  MoveParametersSchema,
]);

/**
 * The appointments Lambda: one contact-flow function, one use case per operation. Built once
 * per container; tests, benchmarks and the local runtime may replace dependencies (the clock).
 */
export const createAppointmentsHandler = (overrides: Partial<AppointmentDependencies> = {}) => {
  const deps: AppointmentDependencies = {
    catalogue: createCatalogueRepository(documentClient, config.SERVICE_DATA_TABLE_NAME),
    bookings: createBookingRepository(documentClient, config.SERVICE_DATA_TABLE_NAME),
    notifier,
    identityHasher,
    policy: appointmentPolicy,
    clock: () => new Date(),
    newReference: () => newReference('booking'),
    ...overrides,
  };
  const operations = {
    listCentres: listCentres(deps),
    findCentre: findCentre(deps),
    listServices: listServices(deps),
    offerSlots: offerSlots(deps),
    book: bookAppointment(deps),
    findBooking: findBooking(deps),
    cancel: cancelBooking(deps),
    move: moveBooking(deps),
  };
  return connectHandler({
    parameters: AppointmentParametersSchema,
    useCase: (parameters, contact) => {
      switch (parameters.operation) {
        case 'list-centres':
          return operations.listCentres(parameters);
        case 'find-centre':
          return operations.findCentre(parameters);
        case 'list-services':
          return operations.listServices(parameters);
        case 'offer-slots':
          return operations.offerSlots(parameters);
        case 'book':
          return operations.book(parameters, contact);
        case 'find-booking':
          return operations.findBooking(parameters, contact);
        case 'cancel':
          return operations.cancel(parameters, contact);
        case 'move':
          return operations.move(parameters, contact);
      }
    },
  });
};

/** The Lambda on `clock` (the local runtime passes its simulated one). */
export const createHandler = (clock: Clock) => createAppointmentsHandler({ clock });

export const handler = createAppointmentsHandler();
