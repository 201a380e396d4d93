import * as z from 'zod';
import type { Environment } from './platform.ts';

/**
 * Parses a handler's environment once, in its setup, and fails fast with every problem listed.
 *
 * @example
 * const config = parseEnv(TrackingEnvironmentSchema, env);
 */
export const parseEnv = <T extends z.ZodType>(schema: T, env: Environment): z.infer<T> => {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return result.data;
};

export const tableName = z.string().min(1);
