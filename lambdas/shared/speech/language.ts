import * as z from '#shared/zod.ts';

/** The languages the platform speaks and writes. Free of side effects: config and CDK import it. */
export const LanguageSchema = z.enum(['en', 'sw']);
export type Language = z.infer<typeof LanguageSchema>;
