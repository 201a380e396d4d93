import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { environments } from '#lib/config/environments.ts';
import type { PlatformFunction } from '#lib/constructs/flow-function.ts';
import { buildApp } from '../support/app.ts';
import { liveAliasOf } from '../support/grants.ts';

/** The 24-hour roster planned, so the config's shifts cover the hours. */
const roster24h = {
  staffing: { ...environments.prod.staffing, planned: '24 h' },
} as Partial<(typeof environments)['prod']>;

// Provisioned concurrency on the flow functions' live aliases, by opening hours (issue 17).
const prod = buildApp('prod', {}, { bundle: false });
const centre = prod.template(prod.contactCentre);
const dev = buildApp('dev', {}, { bundle: false });
const devCentre = dev.template(dev.contactCentre);

const flowFunctionIds = Object.values(prod.contactCentre.node.findAll())
  .filter((construct) => construct.node.tryFindChild('ConnectAssociation'))
  .map((construct) => construct.node.path);
/** The channels' functions a customer waits on: USSD, web chat, SMS and WhatsApp. */
const channelFunctions = (app: typeof prod): Record<string, PlatformFunction> => ({
  ussd: app.contactCentre.ussd.function,
  'web chat': app.contactCentre.webChat.function,
  sms: app.contactCentre.messaging.smsFunction,
  whatsapp: app.contactCentre.messaging.whatsappFunction,
});
/** The functions a caller waits on: the flow functions and the channels'. */
const callerFacing = flowFunctionIds.length + Object.keys(channelFunctions(prod)).length;
const logicalIdOf = (fn: PlatformFunction) =>
  Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);

describe('flow functions, in prod', () => {
  const aliases = centre.findResources('AWS::Lambda::Alias', {
    Properties: { Name: 'live' },
  });
  const targets = Object.values(
    centre.findResources('AWS::ApplicationAutoScaling::ScalableTarget'),
  );

  it('are each invoked through a live alias of the deployed version', () => {
    expect(flowFunctionIds.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(aliases)).toHaveLength(callerFacing);
    for (const alias of Object.values(aliases))
      expect(alias.Properties.FunctionVersion).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/CurrentVersion/), 'Version'],
      });
  });

  it('keep two environments provisioned from 06:45 and one from 19:00 (Nairobi), by scheduled actions', () => {
    expect(targets).toHaveLength(callerFacing);
    for (const target of targets) {
      expect(target.Properties).toEqual(
        expect.objectContaining({
          ServiceNamespace: 'lambda',
          ScalableDimension: 'lambda:function:ProvisionedConcurrency',
          MinCapacity: 1,
          MaxCapacity: 2,
        }),
      );
      expect(target.Properties.ScheduledActions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Schedule: 'cron(45 6 * * ? *)',
            Timezone: 'Africa/Nairobi',
            ScalableTargetAction: { MinCapacity: 2, MaxCapacity: 2 },
          }),
          expect.objectContaining({
            Schedule: 'cron(0 19 * * ? *)',
            Timezone: 'Africa/Nairobi',
            ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 1 },
          }),
        ]),
      );
      // The alias itself: function:<name>:live.
      expect(JSON.stringify(target.Properties.ResourceId)).toMatch(/:live/);
    }
  });

  it('are named by alias in the Connect associations and in every flow, never unqualified', () => {
    const aliasIds = new Set(Object.keys(aliases));
    for (const association of Object.values(
      centre.findResources('AWS::Connect::IntegrationAssociation'),
    ))
      expect(aliasIds.has(association.Properties.IntegrationArn.Ref)).toBe(true);
    const flows = JSON.stringify(centre.findResources('AWS::Connect::ContactFlow'));
    const named = [...flows.matchAll(/"Ref":"(SelfService\w+Live\w+)"/g)].map(([, id]) => id);
    expect(named).toEqual(
      expect.arrayContaining([expect.stringMatching(/^SelfServiceTrackingLive/)]),
    );
    for (const id of named) expect(aliasIds.has(id!)).toBe(true);
    expect(flows).not.toMatch(/"Fn::GetAtt":\["SelfService\w+","Arn"\]/);
  });

  it("reach the channels' functions through their live aliases: USSD and web chat's APIs, the SMS callback, WhatsApp's events", () => {
    // What invokes a channel: its API's methods or integration, or its topic's subscription.
    const invokers = JSON.stringify(
      ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Integration', 'AWS::SNS::Subscription'].map(
        (type) => centre.findResources(type),
      ),
    );
    const reached = new Set(invokers.match(/"Ref":"[A-Za-z0-9]+"/g));
    for (const [channel, fn] of Object.entries(channelFunctions(prod))) {
      const unqualified = logicalIdOf(fn);
      expect({
        channel,
        alias: reached.has(`"Ref":"${liveAliasOf(centre, unqualified)}"`),
      }).toEqual({ channel, alias: true });
      // Never the unqualified function, which no provisioned environment serves.
      expect(invokers).not.toContain(`"Fn::GetAtt":["${unqualified}","Arn"]`);
    }
  });

  it('send no warm-up pings: no schedule invokes a function', () => {
    centre.resourcePropertiesCountIs(
      'AWS::Events::Rule',
      {
        Targets: Match.arrayWith([
          Match.objectLike({ Arn: Match.objectLike({ Ref: Match.stringLikeRegexp('Live') }) }),
        ]),
      },
      0,
    );
  });
});

describe('flow functions of a centre open around the clock', () => {
  it('keep the opening-hours number all day, with no schedule', () => {
    const allDay = buildApp(
      'prod',
      { hours: { ...environments.prod.hours, open: '00:00', close: '24:00' }, ...roster24h },
      { bundle: false },
    );
    const targets = Object.values(
      allDay
        .template(allDay.contactCentre)
        .findResources('AWS::ApplicationAutoScaling::ScalableTarget'),
    );
    expect(targets.length).toBeGreaterThanOrEqual(7);
    for (const target of targets) {
      expect(target.Properties).toEqual(
        expect.objectContaining({ MinCapacity: 2, MaxCapacity: 2 }),
      );
      expect(target.Properties.ScheduledActions).toBeUndefined();
    }
  });
});

describe('flow functions, in dev', () => {
  it('are invoked through the live alias too, with no provisioned concurrency', () => {
    expect(Object.keys(devCentre.findResources('AWS::Lambda::Alias'))).toHaveLength(callerFacing);
    devCentre.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
  });
});
