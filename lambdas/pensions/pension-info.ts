import { InvalidInputError } from '#shared/errors.ts';
import { localTime } from '#shared/hours.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';
import { pensionsInfo } from './info.ts';

/** What the flow passes for general information: the keys the caller pressed in two menus. */
export const PensionInfoParametersSchema = z.object({
  operation: z.literal('info'),
  /** Pension type menu key (data/pensions-info.json `types[].key`). */
  typeKey: z.string(),
  /** Topic menu key: how to apply, documents, payment dates. */
  topicKey: z.string(),
});
export type PensionInfoParameters = z.infer<typeof PensionInfoParametersSchema>;

const notInMenu = (field: string, key: string) =>
  new InvalidInputError(`${field} is not in the menu`, {
    details: { field, reason: key.length === 0 ? 'EMPTY' : 'NOT_IN_MENU' },
    speech: { prompt: 'pensions.invalid_choice' },
  });

/**
 * General pension information, no proof needed: how to apply and which documents for each
 * kind of pension, and the next payroll date from data.
 */
export const pensionInfo =
  ({ now, timeZone }: { readonly now: () => Date; readonly timeZone: string }) =>
  async ({ typeKey, topicKey }: PensionInfoParameters): Promise<FlowOutcome> => {
    const type = pensionsInfo.types.find((entry) => entry.key === typeKey);
    if (!type) throw notInMenu('typeKey', typeKey);
    const topic = pensionsInfo.topics.find((entry) => entry.key === topicKey)?.topic;
    if (!topic) throw notInMenu('topicKey', topicKey);

    const values = { pensionType: type.id, topic };
    if (topic !== 'payment_dates')
      return { outcome: 'INFO', values, speech: { prompt: `pensions.info.${type.id}.${topic}` } };

    const today = localTime(now(), timeZone).date;
    const next = type.paymentDates.find((date) => date >= today);
    return {
      outcome: 'INFO',
      values: { ...values, nextPaymentDate: next },
      speech: next
        ? {
            prompt: 'pensions.info.payment_dates',
            vars: { type: `pensions.type.${type.id}`, date: next },
          }
        : { prompt: 'pensions.info.no_payment_dates', vars: { type: `pensions.type.${type.id}` } },
    };
  };
