import { Match } from 'aws-cdk-lib/assertions';
import { CHAT_RATE_LIMIT } from '#lib/constructs/web-chat.ts';
import { buildApp } from '../support/app.ts';
import { functionNamed, liveAliasOf, serviceActions, statementsOf } from '../support/grants.ts';
import type { Json } from '../support/templates.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);

describe('web chat', () => {
  const fn = functionNamed(centre, 'WebChatHandler');
  const statements = statementsOf(centre, 'WebChatHandler');

  it("serves POST /chat/messages and /chat/survey on a REST API to the web chat Lambda's live alias, CORS for the page only", () => {
    // The other REST API is the USSD gateway's (issue 15).
    const restApis = Object.keys(centre.findResources('AWS::ApiGateway::RestApi'));
    expect(restApis.filter((id) => !id.startsWith('Ussd'))).toEqual([
      expect.stringMatching(/^WebChat/),
    ]);
    for (const path of ['messages', 'survey']) {
      centre.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: path });
    }
    const methods = Object.values(centre.findResources('AWS::ApiGateway::Method')) as Json[];
    const posts = methods.filter(
      (m) =>
        m.Properties.HttpMethod === 'POST' &&
        JSON.stringify(m.Properties.RestApiId).includes('WebChatApi'),
    );
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      expect(post.Properties.Integration.Type).toBe('AWS_PROXY');
      // The live alias: warm in opening hours (warm-functions.ts).
      expect(JSON.stringify(post.Properties.Integration.Uri)).toContain(
        `{"Ref":"${liveAliasOf(centre, fn.logicalId)}"}`,
      );
      expect(post.Properties.RequestValidatorId).toBeDefined();
    }
    const options = methods.filter((m) => m.Properties.HttpMethod === 'OPTIONS');
    expect(JSON.stringify(options)).toContain('WebChatPageDistribution');
    expect(JSON.stringify(options)).not.toContain("'*'");
    centre.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      TracingEnabled: true,
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      MethodSettings: Match.arrayWith([
        Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
      ]),
    });
  });

  it('guards the API with a regional WAF web ACL: rate limits per address, then AWS managed rules', () => {
    const acl = centre.findResources('AWS::WAFv2::WebACL');
    const [[aclId, resource]] = Object.entries(acl) as [[string, Json]];
    expect(resource.Properties.Scope).toBe('REGIONAL');
    const rules = resource.Properties.Rules as Json[];
    expect(rules.map((rule) => rule.Name)).toEqual([
      'RatePerAddress',
      'MessagesPerAddress',
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    expect(rules[0].Statement.RateBasedStatement).toMatchObject({
      Limit: CHAT_RATE_LIMIT.perFiveMinutes,
      AggregateKeyType: 'IP',
    });
    expect(rules[1].Statement.RateBasedStatement).toMatchObject({
      Limit: CHAT_RATE_LIMIT.messagesPerFiveMinutes,
      ScopeDownStatement: {
        ByteMatchStatement: expect.objectContaining({ SearchString: '/chat/messages' }),
      },
    });
    expect(rules.slice(0, 2).map((rule) => rule.Action)).toEqual([{ Block: {} }, { Block: {} }]);
    const [association] = Object.values(
      centre.findResources('AWS::WAFv2::WebACLAssociation'),
    ) as Json[];
    expect(association.Properties.WebACLArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(JSON.stringify(association.Properties.ResourceArn)).toContain('/stages/');
  });

  it('may start chats only on the chat hand-over flow, and reach the tables as the conversation service may', () => {
    expect(serviceActions(statements, 'connect:')).toEqual(['connect:StartChatContact']);
    const connect = statements.find((s) => [s.Action].flat().includes('connect:StartChatContact'))!;
    const resources = JSON.stringify(connect.Resource);
    expect(resources).toMatch(/Flowschathandover[0-9A-F]{8}","ContactFlowArn/);
    expect(resources).not.toContain('*');
    // The same tables and access as the SMS and WhatsApp channels' conversation service.
    expect(serviceActions(statements, 'dynamodb:')).toEqual(
      serviceActions(statementsOf(centre, 'MessagingWhatsApp'), 'dynamodb:'),
    );
    expect(serviceActions(statements, 'dynamodb:')).not.toContain('dynamodb:Scan');
    const env = fn.properties.Environment.Variables;
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(['CONNECT_INSTANCE_ID', 'CALL_LOGS_TABLE_NAME']),
    );
    expect(env.CHAT_FLOW_ID['Fn::Select'][0]).toBe(3);
    expect(JSON.stringify(env.ALLOWED_ORIGIN)).toContain('WebChatPageDistribution');
  });

  it('deploys the chat hand-over flow for the CHAT channel: queue within hours, messages as text', () => {
    const flows = Object.values(centre.findResources('AWS::Connect::ContactFlow')) as Json[];
    const chat = flows.find((flow) => flow.Properties.Name === 'Huduma chat hand-over');
    expect(chat?.Properties.Type).toBe('CONTACT_FLOW');
    const content = JSON.stringify(chat?.Properties.Content);
    expect(content).toContain('TransferContactToQueue');
    expect(content).toContain('CheckHoursOfOperation');
    expect(content).toContain('$.Attributes.waitingMessage');
    expect(content).not.toContain('"Media"');
  });

  it('serves the page from a private bucket through CloudFront with a CSP naming the API and the participant service', () => {
    const distributions = Object.values(
      centre.findResources('AWS::CloudFront::Distribution'),
    ) as Json[];
    const page = distributions.find(
      (d) => d.Properties.DistributionConfig.Comment === 'Huduma web chat',
    );
    expect(page?.Properties.DistributionConfig.Restrictions.GeoRestriction.RestrictionType).toBe(
      'whitelist',
    );
    const policies = Object.values(
      centre.findResources('AWS::CloudFront::ResponseHeadersPolicy'),
    ) as Json[];
    const csp = JSON.stringify(
      policies.find((p) => JSON.stringify(p).includes('Chat page'))?.Properties
        .ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
    );
    expect(csp).toContain('participant.connect.');
    expect(csp).toContain('wss://*.transport.connect.');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
