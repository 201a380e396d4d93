import { statSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { buildApp } from '../support/app.ts';

const { app, data, contactCentre, template } = buildApp('prod');
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

  it('allows only its own Connect instance to invoke the flow function, and associates it', () => {
    centreTemplate.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { Ref: Match.stringLikeRegexp('^SelfServiceTrackingLive') },
      Principal: 'connect.amazonaws.com',
      SourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('ConnectInstance.*Arn') },
    });
    centreTemplate.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      IntegrationType: 'LAMBDA_FUNCTION',
      IntegrationArn: { Ref: Match.stringLikeRegexp('^SelfServiceTrackingLive') },
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

  it('deploys every flow and module with every placeholder filled', () => {
    const flows = Object.values(centreTemplate.findResources('AWS::Connect::ContactFlow'));
    const modules = Object.values(centreTemplate.findResources('AWS::Connect::ContactFlowModule'));
    expect(flows.map((flow) => flow.Properties.Name).sort()).toEqual([
      'Huduma agent routing',
      'Huduma appointments',
      'Huduma chat hand-over',
      'Huduma complaints',
      'Huduma customer queue',
      'Huduma document tracking',
      'Huduma main inbound',
      'Huduma main menu',
      'Huduma outbound call-back',
      'Huduma pensions',
      'Huduma post-call survey',
      'Huduma queue transfer',
      'Huduma service information',
    ]);
    expect(modules.map((module) => module.Properties.Name)).toEqual(['Huduma say clips']);
    for (const resource of [...flows, ...modules]) {
      expect(JSON.stringify(resource.Properties.Content)).not.toMatch(/\$\{/);
    }
  });

  it('fills the tracking flow with the function ARN and English prompt text, after the function is associated', () => {
    const [tracking] = Object.values(
      centreTemplate.findResources('AWS::Connect::ContactFlow', {
        Properties: { Name: 'Huduma document tracking' },
      }),
    );
    const content = JSON.stringify(tracking?.Properties.Content);
    expect(tracking?.Properties.Type).toBe('CONTACT_FLOW');
    expect(content).toContain('Please enter your 8 digit application number');
    // The function's live alias (provisioned concurrency in prod).
    expect(content).toMatch(/Ref\\?":\\?"SelfServiceTrackingLive/);
    expect(content).toMatch(/PromptAudioBucket/);
    expect(tracking?.DependsOn).toEqual(
      expect.arrayContaining([expect.stringMatching(/^SelfServiceTrackingConnectAssociation/)]),
    );
  });
});

describe('stateful and stateless split', () => {
  it('protects the stateful stack from deletion in prod, and not in dev', () => {
    expect(data.terminationProtection).toBe(true);
    expect(buildApp('dev', {}, { bundle: false }).data.terminationProtection).toBe(false);
  });

  it('keeps every table, key, bucket, the Connect instance and its number in the data stack, retained in prod', () => {
    for (const type of [
      'AWS::DynamoDB::GlobalTable',
      'AWS::KMS::Key',
      'AWS::S3::Bucket',
      'AWS::Connect::Instance',
      'AWS::Connect::PhoneNumber',
    ]) {
      const resources = Object.values(dataTemplate.findResources(type));
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources) expect(resource.DeletionPolicy).toBe('Retain');
    }
  });

  it('keeps no table or Connect instance in the stateless stack', () => {
    centreTemplate.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
    centreTemplate.resourceCountIs('AWS::Connect::Instance', 0);
    centreTemplate.resourceCountIs('AWS::Connect::PhoneNumber', 0);
  });

  it('lets a dev teardown delete its stateful resources', () => {
    const dev = buildApp('dev', {}, { bundle: false });
    for (const type of [
      'AWS::DynamoDB::GlobalTable',
      'AWS::S3::Bucket',
      'AWS::Connect::Instance',
    ]) {
      for (const resource of Object.values(dev.template(dev.data).findResources(type))) {
        expect(resource.DeletionPolicy).toBe('Delete');
      }
    }
  });
});

describe('templates', () => {
  it("are written compact, each well within CloudFormation's 1,000,000-byte template limit", () => {
    const assembly = app.synth();
    for (const stack of [data, contactCentre]) {
      const { size } = statSync(assembly.getStackArtifact(stack.artifactId).templateFullPath);
      // Indented, the prod ContactCentre template was 1,022,686 bytes: too large to deploy.
      expect(size).toBeLessThan(900_000);
    }
  });
});
