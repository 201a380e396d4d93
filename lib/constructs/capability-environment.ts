import { Token } from 'aws-cdk-lib';
import type { CapabilityDescriptor } from '#shared/capability.ts';
import { environmentKeys } from '#shared/env.ts';

/**
 * The environment a capability's function gets: of what the platform offers it (its tables'
 * names, its platform needs' settings, the platform-wide settings), the variables its
 * environment schema names, checked with that schema at synth. A variable the schema needs
 * and the platform does not offer (renamed, or a need not declared), or one the platform
 * offers for a declared table or need that the schema does not name, fails the synth. Values
 * CDK resolves only at deploy time (tokens) are checked for presence, not for their form.
 */
export const capabilityEnvironment = (
  capability: CapabilityDescriptor,
  offered: {
    readonly declared: Readonly<Record<string, string>>;
    readonly platform: Readonly<Record<string, string>>;
  },
): Record<string, string> => {
  const named = new Set(environmentKeys(capability.environment));
  const unnamed = Object.keys(offered.declared).filter((key) => !named.has(key));
  if (unnamed.length > 0)
    throw new Error(
      `${capability.constructId}: its environment schema does not name ${unnamed.join(', ')}, which its tables and needs give it`,
    );
  const all = { ...offered.platform, ...offered.declared };
  const environment = Object.fromEntries(
    [...named].flatMap((key) => (all[key] === undefined ? [] : [[key, all[key]] as const])),
  );
  const result = capability.environment.safeParse(environment);
  const problems = result.success
    ? []
    : result.error.issues.filter((issue) => {
        const value = environment[String(issue.path[0])];
        return value === undefined || !Token.isUnresolved(value);
      });
  if (problems.length > 0)
    throw new Error(
      `${capability.constructId}: environment not filled: ${problems
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
    );
  return environment;
};
