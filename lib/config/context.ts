import {
  type EnvironmentConfig,
  environmentNames,
  environments,
  OPERATING_HOURS,
  type OperatingHours,
  parseEnvironmentConfig,
  withOperatingHours,
} from './environments.ts';

/**
 * The environment `cdk synth`/`deploy` builds, from the command line's context:
 * `-c env=dev|prod` (dev by default); `-c hours=12h|24h` runs it for that many hours with the
 * roster that covers them; `-c quickSightPrincipalArn=<arn>` adds the QuickSight analysis and
 * dashboard, shared with that user or group (docs/analytics.md). Values are validated as the
 * config file's are.
 */
export const environmentFromContext = (context: {
  tryGetContext(key: string): unknown;
}): EnvironmentConfig => {
  const envName = String(context.tryGetContext('env') ?? 'dev');
  if (!environmentNames.includes(envName as EnvironmentConfig['name']))
    throw new Error(`Unknown environment "${envName}": use -c env=${environmentNames.join('|')}`);
  let config = environments[envName as EnvironmentConfig['name']];
  const hours = context.tryGetContext('hours');
  if (hours !== undefined) {
    const mode = `${String(hours).replace(/\s*h$/, '')} h`;
    if (!(mode in OPERATING_HOURS))
      throw new Error(`Unknown hours "${String(hours)}": use -c hours=12h|24h`);
    config = withOperatingHours(config, mode as OperatingHours);
  }
  const quickSightPrincipalArn = context.tryGetContext('quickSightPrincipalArn');
  if (quickSightPrincipalArn !== undefined)
    config = parseEnvironmentConfig({ ...config, quickSightPrincipalArn });
  return config;
};
