import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { parseEnv } from '#shared/env.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import { connectHandler } from '#shared/middleware.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { newReference } from '#shared/reference.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { BookParametersSchema, bookAppointment } from './book-appointment.ts';
import { CancelParametersSchema, cancelBooking } from './cancel-booking.ts';
import { AppointmentsEnvironmentSchema } from './config.ts';
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

export interface AppointmentsHandlerDependencies extends AppointmentDependencies {
  readonly speech: SpeechSettings;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): AppointmentsHandlerDependencies => {
  const config = parseEnv(AppointmentsEnvironmentSchema, env);
  return {
    catalogue: createCatalogueRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
    bookings: createBookingRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
    notifier: notifierFor(config, aws.sqs),
    identityHasher: identityHasherFor(config, aws.kms),
    policy: appointmentPolicy,
    clock: () => new Date(),
    newReference: () => newReference('booking'),
    speech: speechSettingsFrom(config),
  };
};

/** The appointments Lambda: one contact-flow function, one use case per operation. */
export const createHandler = (deps: AppointmentsHandlerDependencies) => {
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
    speech: deps.speech,
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      kms: new KMSClient({}),
      sqs: new SQSClient({}),
    }),
  ),
);
