import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { FlowContact } from '#shared/contact.ts';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createSmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import { createVerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import { createDefaultProofCodes } from '#shared/default-proof-codes.ts';
import { parseEnv } from '#shared/env.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import { connectHandler, type FlowOutcome } from '#shared/middleware.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { newReference } from '#shared/reference.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { proofGuardOn } from '#shared/verification.ts';
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
import { SendCodeParametersSchema, sendCode } from './send-code.ts';

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
  SendCodeParametersSchema,
]);

/** What the proof parts (guard, codes, verified contacts, SMS allowance) are built on. */
type ProofParts = 'proofs' | 'codes' | 'verifiedContacts' | 'smsAllowance';

export interface AppointmentsHandlerDependencies extends Omit<AppointmentDependencies, ProofParts> {
  readonly db: DynamoDBDocumentClient;
  readonly tables: { readonly serviceData: string };
  readonly speech: SpeechSettings;
}

/** The shared proof guard and one-time codes, on the handler's clock (the local runtime's too). */
const proofParts = ({
  db,
  tables,
  identityHasher,
  notifier,
  clock,
}: Omit<AppointmentsHandlerDependencies, 'speech'>): Pick<AppointmentDependencies, ProofParts> => ({
  proofs: proofGuardOn(db, tables.serviceData, identityHasher, clock),
  codes: createDefaultProofCodes({
    db,
    tableName: tables.serviceData,
    identityHasher,
    notifier,
    clock,
  }),
  verifiedContacts: createVerifiedContactRepository(db, tables.serviceData),
  smsAllowance: createSmsAllowanceRepository(db, tables.serviceData, identityHasher),
});

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): AppointmentsHandlerDependencies => {
  const config = parseEnv(AppointmentsEnvironmentSchema, env);
  const identityHasher = identityHasherFor(config, aws.kms);
  return {
    db: aws.dynamoDb,
    tables: { serviceData: config.SERVICE_DATA_TABLE_NAME },
    catalogue: createCatalogueRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
    bookings: createBookingRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME, identityHasher),
    notifier: notifierFor(config, aws.sqs),
    identityHasher,
    policy: appointmentPolicy,
    clock: () => new Date(),
    newReference: () => newReference('booking'),
    speech: speechSettingsFrom(config),
  };
};

/** The operations on typed input, for any channel (the Connect handler below, USSD, text). */
export const appointmentsUseCases = (setup: Omit<AppointmentsHandlerDependencies, 'speech'>) => {
  const deps: AppointmentDependencies = { ...setup, ...proofParts(setup) };
  const operations = {
    listCentres: listCentres(deps),
    findCentre: findCentre(deps),
    listServices: listServices(deps),
    offerSlots: offerSlots(deps),
    book: bookAppointment(deps),
    findBooking: findBooking(deps),
    cancel: cancelBooking(deps),
    move: moveBooking(deps),
    sendCode: sendCode(deps),
  };
  return (
    parameters: z.infer<typeof AppointmentParametersSchema>,
    contact: FlowContact,
  ): Promise<FlowOutcome> => {
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
      case 'send-code':
        return operations.sendCode(parameters, contact);
    }
  };
};

/** The appointments Lambda: one contact-flow function, one use case per operation. */
export const createHandler = (setup: AppointmentsHandlerDependencies) =>
  connectHandler({
    parameters: AppointmentParametersSchema,
    useCase: appointmentsUseCases(setup),
    speech: setup.speech,
  });

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      kms: new KMSClient({}),
      sqs: new SQSClient({}),
    }),
  ),
);
