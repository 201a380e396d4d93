import { z } from 'zod';
import { type Clock, systemClock } from '#shared/clock.ts';
import { createApplicationRepository } from '#shared/data/applications.repository.ts';
import { createAttemptRepository } from '#shared/data/attempts.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { identityHasher } from '#shared/identity/default-identity-hasher.ts';
import { connectHandler } from '#shared/middleware.ts';
import { createProofGuard } from '#shared/verification.ts';
import { CheckNumberParametersSchema, checkApplicationNumber } from './check-number.ts';
import { config } from './config.ts';
import { TrackApplicationParametersSchema, trackApplication } from './track-application.ts';

/** The number's shape checked alone (`check-number`), or the tracking itself (no `operation`). */
export const TrackingParametersSchema = z.union([
  CheckNumberParametersSchema,
  TrackApplicationParametersSchema,
]);

/** The Lambda on `clock` (the local runtime passes its simulated one). */
export const createHandler = (clock: Clock = systemClock) => {
  const track = trackApplication({
    applications: createApplicationRepository(documentClient, config.SERVICE_DATA_TABLE_NAME),
    proofs: createProofGuard({
      attempts: createAttemptRepository(
        documentClient,
        config.SERVICE_DATA_TABLE_NAME,
        identityHasher,
      ),
      now: clock,
      hasher: identityHasher,
    }),
  });
  return connectHandler({
    parameters: TrackingParametersSchema,
    useCase: (parameters, contact) =>
      parameters.operation === 'check-number'
        ? checkApplicationNumber(parameters)
        : track(parameters, contact),
  });
};

export const handler = createHandler();
