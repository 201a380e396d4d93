import { assertKeyed } from '#shared/dialogue/check-input.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';
import { APPLICATION_NUMBER } from './dialogue.ts';

/** What the flow passes as soon as the application number is keyed, before the proof is asked. */
export const CheckNumberParametersSchema = z.object({
  operation: z.literal('check-number'),
  applicationNumber: z.string(),
});
export type CheckNumberParameters = z.infer<typeof CheckNumberParametersSchema>;

/**
 * Whether a keyed application number has the shape of one (VALID, or INVALID_INPUT with the
 * reason), so a mistyped number is caught before the caller keys their proof. Shape only:
 * nothing is read, so the answer is the same for a number on record and one that is not.
 */
export const checkApplicationNumber = async ({
  applicationNumber,
}: CheckNumberParameters): Promise<FlowOutcome> => {
  assertKeyed(APPLICATION_NUMBER, applicationNumber);
  return { outcome: 'VALID' };
};
