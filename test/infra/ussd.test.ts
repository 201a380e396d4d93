import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { environmentFromContext } from '#lib/config/context.ts';
import { buildApp } from '../support/app.ts';
import {
  actionsOn,
  functionNamed,
  ITEM_ACTIONS,
  serviceActions,
  statementsOf,
} from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);

describe('USSD channel', () => {
  const fn = functionNamed(centre, 'UssdFunction');
  const statements = statementsOf(centre, 'UssdFunction');

  it("takes the gateway's POST /channels/ussd on a regional REST API, throttled and access-logged", () => {
    centre.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
    centre.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'ussd' });
    centre.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      AuthorizationType: 'NONE',
      RequestValidatorId: Match.anyValue(),
      Integration: Match.objectLike({ Type: 'AWS_PROXY' }),
    });
    centre.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      TracingEnabled: true,
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      MethodSettings: Match.arrayWith([
        Match.objectLike({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 }),
      ]),
    });
  });

  it("admits only the gateway's addresses when they are configured", () => {
    const { contactCentre: withCidrs, template: of } = buildApp(
      'prod',
      { ussd: { gatewayCidrs: ['196.201.214.0/24'] } },
      { bundle: false },
    );
    const stack = of(withCidrs);
    stack.hasResourceProperties('AWS::ApiGateway::RestApi', {
      Policy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'execute-api:Invoke',
            Condition: { NotIpAddress: { 'aws:SourceIp': ['196.201.214.0/24'] } },
          }),
        ]),
      },
    });
    expect(functionNamed(stack, 'UssdFunction').properties.Environment.Variables).toMatchObject({
      USSD_GATEWAY_CIDRS: '196.201.214.0/24',
    });
  });

  it('is invoked through its live alias, within a few seconds, with the environment it parses', () => {
    expect(fn.properties.Timeout).toBe(8);
    expect(fn.properties.MemorySize).toBe(1024);
    expect(fn.properties.Environment.Variables).toMatchObject({
      SERVICE_DATA_TABLE_NAME: expect.anything(),
      TICKETS_TABLE_NAME: expect.anything(),
      CALL_LOGS_TABLE_NAME: expect.anything(),
      IDENTITY_HASHER: 'kms',
      NOTIFIER: 'sqs',
      TIME_ZONE: 'Africa/Nairobi',
      POWERTOOLS_SERVICE_NAME: 'huduma-ussd',
    });
    centre.hasResourceProperties('AWS::Lambda::Alias', {
      FunctionName: { Ref: fn.logicalId },
      Name: 'live',
    });
    centre.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      FunctionName: Match.objectLike({ Ref: Match.stringLikeRegexp('^UssdFunctionAlias|Live') }),
    });
  });

  it('has least privilege: item access to its tables, GenerateMac, SendMessage, nothing else', () => {
    expect(serviceActions(statements, 'dynamodb:')).toEqual(ITEM_ACTIONS);
    expect(actionsOn(statements, /DataCallLogs/)).toEqual(['dynamodb:UpdateItem']);
    expect(serviceActions(statements, 'dynamodb:').some((a) => /Scan|Table/.test(a))).toBe(false);
    expect(serviceActions(statements, 'kms:')).toEqual(expect.arrayContaining(['kms:GenerateMac']));
    expect(serviceActions(statements, 'sqs:')).toEqual(['sqs:SendMessage']);
    expect(serviceActions(statements, 'connect:')).toEqual([]);
  });

  describe("the gateway's addresses as explicit configuration", () => {
    const context = (values: Record<string, string>) => ({
      tryGetContext: (key: string) => values[key],
    });

    it('refuses to build prod without them, telling the operator how to set them', () => {
      expect(() => environmentFromContext(context({ env: 'prod' }))).toThrow(
        /-c ussdGatewayCidrs=<cidr>,<cidr>/,
      );
      expect(() =>
        environmentFromContext(context({ env: 'prod', ussdGatewayCidrs: ' , ' })),
      ).toThrow(/ussdGatewayCidrs/);
    });

    it('takes them from the command line, each one checked as a CIDR', () => {
      const config = environmentFromContext(
        context({ env: 'prod', ussdGatewayCidrs: '192.0.2.0/24, 2001:db8::/32' }),
      );
      expect(config.ussd.gatewayCidrs).toEqual(['192.0.2.0/24', '2001:db8::/32']);
      expect(() =>
        environmentFromContext(context({ env: 'prod', ussdGatewayCidrs: '192.0.2.1' })),
      ).toThrow(/a CIDR/);
    });

    it('builds dev without them, with a warning on the open callback', () => {
      expect(environmentFromContext(context({})).ussd.gatewayCidrs).toEqual([]);
      const dev = buildApp('dev', {}, { bundle: false });
      Annotations.fromStack(dev.contactCentre).hasWarning(
        '*',
        Match.stringLikeRegexp('ussd.gatewayCidrs is empty.*-c ussdGatewayCidrs'),
      );
      dev
        .template(dev.contactCentre)
        .resourcePropertiesCountIs(
          'AWS::ApiGateway::RestApi',
          { Policy: Match.anyValue(), Description: Match.stringLikeRegexp('USSD') },
          0,
        );
    });
  });
});
