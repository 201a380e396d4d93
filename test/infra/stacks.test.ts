import { Match } from 'aws-cdk-lib/assertions';
import { buildApp } from '../support/app.ts';

const { data, contactCentre, template } = buildApp('prod');
const dataTemplate = template(data);
const centreTemplate = template(contactCentre);

describe('data stack', () => {
  it('creates the three tables of the data model', () => {
    dataTemplate.resourceCountIs('AWS::DynamoDB::GlobalTable', 3);
  });

  it('encrypts every table with the customer-managed key and keeps point-in-time recovery and deletion protection on', () => {
    const tables = dataTemplate.findResources('AWS::DynamoDB::GlobalTable');
    for (const table of Object.values(tables)) {
      expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
      expect(table.Properties.Replicas[0]).toMatchObject({
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: {
          KMSMasterKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] },
        },
      });
      expect(table.DeletionPolicy).toBe('Retain');
    }
    dataTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('expires call logs and streams ticket changes', () => {
    dataTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [{ AttributeName: 'contactId', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    dataTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: 'gsi2' })]),
    });
  });
});

describe('contact-centre stack', () => {
  it("runs the tracking function on Node.js 24, ARM64, within Connect's 3 s budget", () => {
    centreTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 3,
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: Match.objectLike({
          SERVICE_DATA_TABLE_NAME: Match.anyValue(),
          PROMPT_AUDIO_URI: Match.anyValue(),
        }),
      },
    });
  });

  it('lets the tracking function read items of the service-data table and nothing else in DynamoDB', () => {
    const policies = Object.values(centreTemplate.findResources('AWS::IAM::Policy')).filter(
      (policy) => JSON.stringify(policy.Properties.Roles).includes('SelfServiceTrackingRole'),
    );
    const dynamoStatements = policies.flatMap((policy) =>
      policy.Properties.PolicyDocument.Statement.filter((statement: { Action: string[] }) =>
        [statement.Action].flat().some((action) => action.startsWith('dynamodb:')),
      ),
    );
    expect(dynamoStatements).toHaveLength(1);
    expect([...dynamoStatements[0].Action].sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    expect(JSON.stringify(dynamoStatements[0].Resource)).toMatch(/DataServiceData/);
  });

  it('allows only its own Connect instance to invoke the flow function, and associates it', () => {
    centreTemplate.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'connect.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConnectInstance'), 'Arn'] },
    });
    centreTemplate.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      IntegrationType: 'LAMBDA_FUNCTION',
      IntegrationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SelfServiceTracking'), 'Arn'] },
    });
  });

  it('opens 07:00-19:00 every day in Africa/Nairobi', () => {
    centreTemplate.hasResourceProperties('AWS::Connect::HoursOfOperation', {
      TimeZone: 'Africa/Nairobi',
      Config: Match.arrayEquals(
        ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'].map(
          (day) => ({
            Day: day,
            StartTime: { Hours: 7, Minutes: 0 },
            EndTime: { Hours: 19, Minutes: 0 },
          }),
        ),
      ),
    });
  });

  it('deploys the main flow with every placeholder filled', () => {
    const [flow] = Object.values(centreTemplate.findResources('AWS::Connect::ContactFlow'));
    const content = JSON.stringify(flow?.Properties.Content);
    expect(flow?.Properties.Type).toBe('CONTACT_FLOW');
    expect(content).not.toMatch(/\$\{/);
    expect(content).toContain('Welcome to the Huduma Contact Centre.');
    expect(content).toMatch(/SelfServiceTracking[0-9A-F]+","Arn"/);
    expect(flow?.DependsOn).toEqual(
      expect.arrayContaining([expect.stringMatching(/^SelfServiceTrackingConnectAssociation/)]),
    );
  });
});
