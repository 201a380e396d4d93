import type { AwsClients, Environment } from '#shared/platform.ts';
import type { HandleMessage } from './conversation-port.ts';

/**
 * The conversation service (lambdas/conversation) behind the web chat's port, built from the
 * same environment and clients as the rest of the handler.
 */
export const conversationFor =
  (_env: Environment, _aws: Pick<AwsClients, 'dynamoDb'>): HandleMessage =>
  async () => {
    throw new Error('The conversation service is not wired yet');
  };
