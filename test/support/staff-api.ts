import { Match, type Template } from 'aws-cdk-lib/assertions';

/**
 * Each route is on the staff API (the ticket API's HTTP API) behind its Cognito (JWT)
 * authorizer, and the function is integrated as a Lambda proxy with payload format 2.0.
 */
export const expectStaffApiRoutes = (
  template: Template,
  functionLogicalId: string,
  routes: readonly string[],
) => {
  const api = Object.keys(template.findResources('AWS::ApiGatewayV2::Api')).find((id) =>
    id.startsWith('TicketApi'),
  );
  expect(api).toBeDefined();
  for (const route of routes)
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      ApiId: { Ref: api },
      RouteKey: route,
      AuthorizationType: 'JWT',
      AuthorizerId: Match.anyValue(),
      Target: Match.anyValue(),
    });
  template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
    IntegrationType: 'AWS_PROXY',
    IntegrationUri: { 'Fn::GetAtt': [functionLogicalId, 'Arn'] },
    PayloadFormatVersion: '2.0',
  });
};

/** API Gateway may invoke the function (through an API's own source ARN). */
export const expectInvokedByApiGateway = (template: Template, functionLogicalId: string) =>
  template.hasResourceProperties('AWS::Lambda::Permission', {
    FunctionName: { 'Fn::GetAtt': [functionLogicalId, 'Arn'] },
    Principal: 'apigateway.amazonaws.com',
    SourceArn: Match.anyValue(),
  });
