import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { hashingNotifyingClients } from '#shared/aws-clients.ts';
import type { UseCases } from '#shared/capability.ts';
import { systemClock } from '#shared/clock.ts';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { createSmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import { createVerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import { createDefaultProofCodes } from '#shared/default-proof-codes.ts';
import { parseEnv } from '#shared/env.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import { capabilityHandler } from '#shared/middleware.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { newReference } from '#shared/reference.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { proofGuardOn } from '#shared/verification.ts';
import { bookAppointment } from './book-appointment.ts';
import { cancelBooking } from './cancel-booking.ts';
import { appointmentsCapability } from './capability.ts';
import { AppointmentsEnvironmentSchema } from './config.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { findBooking } from './find-booking.ts';
import { findCentre } from './find-centre.ts';
import { listCentres } from './list-centres.ts';
import { listServices } from './list-services.ts';
import { moveBooking } from './move-booking.ts';
import { offerSlots } from './offer-slots.ts';
import { appointmentPolicy } from './policy.ts';
import { sendCode } from './send-code.ts';
import './prompts.ts';

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
    clock: systemClock,
    timeZone: config.TIME_ZONE,
    newReference: () => newReference('booking'),
    speech: speechSettingsFrom(config),
  };
};

/** The operations on typed input, for any channel (the Connect handler below, USSD, text). */
export const appointmentsUseCases = (setup: Omit<AppointmentsHandlerDependencies, 'speech'>) => {
  const deps: AppointmentDependencies = { ...setup, ...proofParts(setup) };
  const useCases: UseCases<typeof appointmentsCapability> = {
    'list-centres': listCentres(deps),
    'find-centre': findCentre(deps),
    'list-services': listServices(deps),
    'offer-slots': offerSlots(deps),
    book: bookAppointment(deps),
    'find-booking': findBooking(deps),
    cancel: cancelBooking(deps),
    move: moveBooking(deps),
    'send-code': sendCode(deps),
  };
  return useCases;
};

/** The appointments Lambda: one contact-flow function, one use case per operation. */
export const createHandler = (setup: AppointmentsHandlerDependencies) =>
  capabilityHandler(appointmentsCapability, appointmentsUseCases(setup), setup.speech);

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, hashingNotifyingClients())),
);
