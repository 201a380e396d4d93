import infoFile from '#data/pensions-info.json' with { type: 'json' };
import { PensionTypeSchema } from '#shared/data/pensions.repository.ts';
import * as z from '#shared/zod.ts';

export const PensionTopicSchema = z.enum(['how_to_apply', 'documents', 'payment_dates']);
export type PensionTopic = z.infer<typeof PensionTopicSchema>;

export const PensionRequestTypeSchema = z.enum([
  'statement',
  'bank_details_change',
  'life_certificate_appointment',
]);
export type PensionRequestType = z.infer<typeof PensionRequestTypeSchema>;

const Key = z.string().check(z.regex(/^\d$/));

/** data/pensions-info.json: per pension type, its keypad digit, documents and payroll dates. */
export const PensionsInfoSchema = z.object({
  topics: z.array(z.object({ key: Key, topic: PensionTopicSchema })),
  types: z.array(
    z.object({
      id: PensionTypeSchema,
      key: Key,
      documents: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      paymentDates: z.array(z.iso.date()),
    }),
  ),
  requests: z.array(z.object({ id: PensionRequestTypeSchema })),
});

export const pensionsInfo = PensionsInfoSchema.parse(infoFile);
