import { type Clock, systemClock } from '#shared/clock.ts';
import { createApplicationRepository } from '#shared/data/applications.repository.ts';
import { createAttemptRepository } from '#shared/data/attempts.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { identityHasher } from '#shared/identity/default-identity-hasher.ts';
import { connectHandler } from '#shared/middleware.ts';
import { createProofGuard } from '#shared/verification.ts';
import { config } from './config.ts';
import { TrackApplicationParametersSchema, trackApplication } from './track-application.ts';

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
    parameters: TrackApplicationParametersSchema,
    useCase: (parameters, contact) => track(parameters, contact),
  });
};

export const handler = createHandler();
