import type * as z from '#shared/zod.ts';

/** A next-page cursor this listing did not give: garbage, tampered with, or another listing's. */
export class InvalidCursorError extends Error {
  constructor(options?: ErrorOptions) {
    super('Not a cursor of this listing', options);
    this.name = 'InvalidCursorError';
  }
}

/** The opaque cursor of a page's last key (DynamoDB's LastEvaluatedKey). */
export const encodeCursor = (lastKey: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify(lastKey)).toString('base64url');

/**
 * The key a cursor stands for, strictly checked against `keySchema` (the listing's own key
 * shape, e.g. its partition), so DynamoDB never receives a start key it would refuse.
 */
export const decodeCursor = <S extends z.ZodMiniType<Record<string, unknown>>>(
  cursor: string,
  keySchema: S,
): z.infer<S> => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidCursorError({ cause: error });
  }
  const key = keySchema.safeParse(decoded);
  if (!key.success) throw new InvalidCursorError({ cause: key.error });
  return key.data;
};
