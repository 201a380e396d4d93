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
 * dashboard, shared with that user or group (docs/analytics.md); `-c ussdGatewayCidrs=<cidr>,…`
 * names the USSD gateway's source addresses. Values are validated as the config file's are.
 * Prod is refused without the gateway's addresses: on an open callback anyone could claim a
 * phone number, and on USSD the number stands for possession of the phone (docs/security.md).
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
  const gatewayCidrs = context.tryGetContext('ussdGatewayCidrs');
  if (gatewayCidrs !== undefined)
    config = parseEnvironmentConfig({
      ...config,
      ussd: {
        ...config.ussd,
        gatewayCidrs: String(gatewayCidrs)
          .split(',')
          .map((cidr) => cidr.trim())
          .filter((cidr) => cidr.length > 0),
      },
    });
  if (config.name === 'prod' && config.ussd.gatewayCidrs.length === 0)
    throw new Error(
      "prod needs the USSD gateway's source addresses: set them with -c ussdGatewayCidrs=<cidr>,<cidr> " +
        "(the addresses Africa's Talking, or the aggregator, gives for its USSD callbacks; docs/deploy.md)",
    );
  return config;
};
