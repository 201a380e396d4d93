import { createApplicationRepository } from '#shared/data/applications.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { connectHandler } from '#shared/middleware.ts';
import { config } from './config.ts';
import { TrackApplicationParametersSchema, trackApplication } from './track-application.ts';

const track = trackApplication({
  applications: createApplicationRepository(documentClient, config.SERVICE_DATA_TABLE_NAME),
});

export const handler = connectHandler({
  parameters: TrackApplicationParametersSchema,
  useCase: (parameters) => track(parameters),
});
