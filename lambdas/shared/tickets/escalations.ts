import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { Ticket } from '#shared/data/tickets.repository.ts';
import * as z from '#shared/zod.ts';

/** What every escalation execution gets: only the reference, so a repeated start has the same input. */
export const EscalationInputSchema = z.object({ reference: z.string().check(z.regex(/^\d{8}$/)) });
export type EscalationInput = z.infer<typeof EscalationInputSchema>;

/**
 * The name of a ticket's escalation execution: its reference, so a duplicate start is refused
 * by Step Functions; a reopened ticket's next escalation adds the version it was reopened at.
 */
export const escalationName = (ticket: Pick<Ticket, 'reference'>, reopenedAtVersion?: number) =>
  reopenedAtVersion === undefined
    ? ticket.reference
    : `${ticket.reference}-reopened-${reopenedAtVersion}`;

/** Starts escalations and wakes one waiting on a ticket. */
export interface EscalationControl {
  /** Starts an execution; false when one of that name already exists (a duplicate start). */
  start(name: string, input: EscalationInput): Promise<boolean>;
  /** Wakes the execution waiting with this task token; a stale token is ignored. */
  wake(taskToken: string): Promise<void>;
}

/** Deployed: the Step Functions state machine. */
export const stepFunctionsEscalations = (
  client: SFNClient,
  stateMachineArn: string,
): EscalationControl => ({
  async start(name, input) {
    try {
      await client.send(
        new StartExecutionCommand({
          stateMachineArn,
          name,
          input: JSON.stringify(EscalationInputSchema.parse(input)),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return false;
      throw error;
    }
  },
  async wake(taskToken) {
    try {
      await client.send(new SendTaskSuccessCommand({ taskToken, output: '{"woken":true}' }));
    } catch (error) {
      // The execution moved on (timed out into its next check, or ended): nothing to wake.
      if (
        error instanceof TaskTimedOut ||
        error instanceof TaskDoesNotExist ||
        error instanceof InvalidToken
      )
        return;
      throw error;
    }
  },
});

/** The deployed state machine when its ARN is configured; otherwise every call fails (local runs pass their own runner). */
export const escalationsFor = (client: SFNClient, stateMachineArn: string | undefined) => {
  if (stateMachineArn) return stepFunctionsEscalations(client, stateMachineArn);
  const unconfigured = () => Promise.reject(new Error('ESCALATION_STATE_MACHINE_ARN is not set'));
  return { start: unconfigured, wake: unconfigured } satisfies EscalationControl;
};
