import * as z from '#shared/zod.ts';
import type { Environment } from './platform.ts';

/**
 * Parses a handler's environment once, in its setup, and fails fast with every problem listed.
 *
 * @example
 * const config = parseEnv(TrackingEnvironmentSchema, env);
 */
export const parseEnv = <T extends z.ZodMiniType>(schema: T, env: Environment): z.infer<T> => {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return result.data;
};

export const tableName = z.string().check(z.minLength(1));

/**
 * The contact centre's time zone (IANA), for the dates use cases name ("today", a due date):
 * filled from the environment config (`hours.timeZone`); the default is Kenya's.
 */
export const timeZone = z._default(z.string().check(z.minLength(1)), 'Africa/Nairobi');

/** The time zone alone, for environments that need nothing else from here. */
export const TimeZoneEnvironmentSchema = z.object({ TIME_ZONE: timeZone });

type AllOutputs<S extends readonly z.ZodMiniType[]> = S extends readonly [
  infer First extends z.ZodMiniType,
  ...infer Rest extends z.ZodMiniType[],
]
  ? z.output<First> & AllOutputs<Rest>
  : unknown;

/** One environment made of several schemas (a handler's own variables and shared ones). */
export const environmentOf = <
  const S extends readonly [z.ZodMiniType, z.ZodMiniType, ...z.ZodMiniType[]],
>(
  ...schemas: S
) => schemas.reduce((all, schema) => z.intersection(all, schema)) as z.ZodMiniType<AllOutputs<S>>;

type SchemaDef = {
  readonly type: string;
  readonly shape?: Record<string, z.ZodMiniType>;
  readonly left?: z.ZodMiniType;
  readonly right?: z.ZodMiniType;
  readonly options?: readonly z.ZodMiniType[];
  readonly in?: z.ZodMiniType;
  readonly innerType?: z.ZodMiniType;
};

/**
 * Every variable an environment schema names (objects, their intersections and unions, with
 * defaults and pipes seen through): what a construct fills for a handler, and nothing more.
 */
export const environmentKeys = (schema: z.ZodMiniType): string[] => {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  const keys = (() => {
    switch (def.type) {
      case 'object':
        return Object.keys(def.shape ?? {});
      case 'intersection':
        return [...environmentKeys(def.left!), ...environmentKeys(def.right!)];
      case 'union':
        return (def.options ?? []).flatMap(environmentKeys);
      case 'pipe':
        return environmentKeys(def.in!);
      case 'default':
      case 'optional':
      case 'prefault':
      case 'readonly':
        return environmentKeys(def.innerType!);
      default:
        throw new Error(`An environment schema is made of objects, not ${def.type}`);
    }
  })();
  return [...new Set(keys)];
};
