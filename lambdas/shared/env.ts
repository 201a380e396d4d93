import { z } from 'zod';

/**
 * Parses environment variables once, at cold start, and fails fast with every problem listed.
 *
 * @example
 * export const config = parseEnv(z.object({ SERVICE_DATA_TABLE_NAME: z.string().min(1) }));
 */
export const parseEnv = <T extends z.ZodType>(
  schema: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<T> => {
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
