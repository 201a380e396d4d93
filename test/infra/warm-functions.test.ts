import { Match } from 'aws-cdk-lib/assertions';
import { buildApp } from '../support/app.ts';

// Provisioned concurrency on the flow functions' live aliases, by opening hours (issue 17).
const prod = buildApp('prod', {}, { bundle: false });
const centre = prod.template(prod.contactCentre);
const dev = buildApp('dev', {}, { bundle: false });
const devCentre = dev.template(dev.contactCentre);

const flowFunctionIds = Object.values(prod.contactCentre.node.findAll())
  .filter((construct) => construct.node.tryFindChild('ConnectAssociation'))
  .map((construct) => construct.node.path);

describe('flow functions, in prod', () => {
  const aliases = centre.findResources('AWS::Lambda::Alias', {
    Properties: { Name: 'live' },
  });
  const targets = Object.values(
    centre.findResources('AWS::ApplicationAutoScaling::ScalableTarget'),
  );

  it('are each invoked through a live alias of the deployed version', () => {
    expect(flowFunctionIds.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(aliases)).toHaveLength(flowFunctionIds.length);
    for (const alias of Object.values(aliases))
      expect(alias.Properties.FunctionVersion).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/CurrentVersion/), 'Version'],
      });
  });

  it('keep two environments provisioned from 06:45 and one from 19:00 (Nairobi), by scheduled actions', () => {
    expect(targets).toHaveLength(flowFunctionIds.length);
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
    for (const id of aliasIds) expect(flows).toContain(`"Ref":"${id}"`);
    expect(flows).not.toMatch(/"Fn::GetAtt":\["SelfService\w+","Arn"\]/);
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

describe('flow functions, in dev', () => {
  it('are invoked through the live alias too, with no provisioned concurrency', () => {
    expect(Object.keys(devCentre.findResources('AWS::Lambda::Alias'))).toHaveLength(
      flowFunctionIds.length,
    );
    devCentre.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
  });
});
