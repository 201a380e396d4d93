import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { QUEUES } from '#flows/manifest.ts';
import { ROUTING_PROFILES, SECURITY_PROFILES } from '#lib/config/agents.ts';
import { ContactRouting, MAX_HOURS_OVERRIDES } from '#lib/constructs/contact-routing.ts';
import { DAYS } from '#shared/hours.ts';
import { buildApp, testApp } from '../support/app.ts';

const { data, contactCentre, template } = buildApp('prod', {}, { bundle: false });
const dataTemplate = template(data);
const centreTemplate = template(contactCentre);

const customResourceCalls = (t: Template, action: string) =>
  Object.values(t.findResources('Custom::AWS')).filter((resource) =>
    JSON.stringify(resource.Properties.Create).includes(`"action\\":\\"${action}\\"`),
  );

describe('Connect instance', () => {
  it('takes inbound and outbound calls, logs flows and runs Contact Lens', () => {
    dataTemplate.hasResourceProperties('AWS::Connect::Instance', {
      IdentityManagementType: 'CONNECT_MANAGED',
      InstanceAlias: 'huduma-cc',
      Attributes: Match.objectLike({
        InboundCalls: true,
        OutboundCalls: true,
        ContactflowLogs: true,
        ContactLens: true,
      }),
    });
  });

  it('creates the contact-flow log group before the instance so it keeps a retention', () => {
    dataTemplate.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/connect/huduma-cc',
      RetentionInDays: 365,
    });
    const [instance] = Object.values(dataTemplate.findResources('AWS::Connect::Instance'));
    expect(instance?.DependsOn).toEqual([expect.stringMatching(/^ConnectFlowLogs/)]);
  });

  it('encrypts the contact-flow logs with the storage key, which lets CloudWatch Logs use it for that group only', () => {
    const [keyId] = Object.keys(dataTemplate.findResources('AWS::KMS::Key')).filter((id) =>
      id.startsWith('ConnectStorageKey'),
    );
    dataTemplate.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/connect/huduma-cc',
      KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
    const key = dataTemplate.findResources('AWS::KMS::Key')[keyId!]!;
    const logs = key.Properties.KeyPolicy.Statement.filter(
      (statement: { Principal?: { Service?: unknown } }) =>
        JSON.stringify(statement.Principal?.Service ?? '').includes('logs.'),
    );
    expect(logs).toHaveLength(1);
    expect(JSON.stringify(logs[0].Condition.ArnEquals)).toContain(
      ':log-group:/aws/connect/huduma-cc',
    );
    expect(logs[0].Action).toEqual(expect.arrayContaining(['kms:Encrypt', 'kms:GenerateDataKey']));
  });

  it('stores recordings and transcripts KMS-encrypted with the key the CTR stream uses', () => {
    for (const resourceType of ['CALL_RECORDINGS', 'CHAT_TRANSCRIPTS']) {
      dataTemplate.hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        ResourceType: resourceType,
        StorageType: 'S3',
        S3Config: Match.objectLike({
          EncryptionConfig: {
            EncryptionType: 'KMS',
            KeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConnectStorageKey'), 'Arn'] },
          },
        }),
      });
    }
    centreTemplate.hasResourceProperties('AWS::Kinesis::Stream', {
      StreamEncryption: {
        EncryptionType: 'KMS',
        KeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('ConnectStorageKey') },
      },
      StreamModeDetails: { StreamMode: 'ON_DEMAND' },
      RetentionPeriodHours: 168,
    });
  });

  it('expires recordings after the configured retention', () => {
    dataTemplate.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ ExpirationInDays: 90, Status: 'Enabled' })],
      },
    });
  });

  it('streams contact trace records to the stream it exposes', () => {
    centreTemplate.hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
      ResourceType: 'CONTACT_TRACE_RECORDS',
      StorageType: 'KINESIS_STREAM',
      KinesisStreamConfig: {
        StreamArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ContactRecordsStream'), 'Arn'] },
      },
    });
    expect(contactCentre.contactRecords.stream.streamArn).toBeDefined();
  });
});

describe('phone number', () => {
  it('claims a DID for the instance and points it at the main flow', () => {
    dataTemplate.hasResourceProperties('AWS::Connect::PhoneNumber', {
      CountryCode: 'ZA',
      Type: 'DID',
      TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConnectInstance'), 'Arn'] },
    });
    const [association] = customResourceCalls(centreTemplate, 'AssociatePhoneNumberContactFlow');
    expect(association).toBeDefined();
    expect(JSON.stringify(association?.Properties.Delete)).toContain(
      'DisassociatePhoneNumberContactFlow',
    );
  });

  it('lets the association call touch only the number and the main flow', () => {
    centreTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: [
              'connect:AssociatePhoneNumberContactFlow',
              'connect:DisassociatePhoneNumberContactFlow',
            ],
            Effect: 'Allow',
            Resource: [
              { 'Fn::ImportValue': Match.stringLikeRegexp('ConnectPhoneNumber') },
              {
                'Fn::GetAtt': [
                  Match.stringLikeRegexp('^FlowsmainFlow|^Flowsmain'),
                  'ContactFlowArn',
                ],
              },
            ],
          },
        ]),
      },
    });
  });

  it('uses an existing number without claiming one', () => {
    const phoneNumberArn =
      'arn:aws:connect:af-south-1:123456789012:phone-number/11111111-2222-3333-4444-555555555555';
    const existing = buildApp(
      'dev',
      { phoneNumber: { kind: 'existing', phoneNumberArn } },
      { bundle: false },
    );
    existing.template(existing.data).resourceCountIs('AWS::Connect::PhoneNumber', 0);
    const centre = existing.template(existing.contactCentre);
    expect(customResourceCalls(centre, 'AssociatePhoneNumberContactFlow')).toHaveLength(1);
    expect(JSON.stringify(centre.toJSON())).toContain(phoneNumberArn);
  });

  it('imports a number from End User Messaging by its ARN', () => {
    const sourcePhoneNumberArn =
      'arn:aws:sms-voice:af-south-1:123456789012:phone-number/phone-0123456789abcdef';
    const imported = buildApp(
      'dev',
      { phoneNumber: { kind: 'import', sourcePhoneNumberArn } },
      { bundle: false },
    );
    imported.template(imported.data).hasResourceProperties('AWS::Connect::PhoneNumber', {
      SourcePhoneNumberArn: sourcePhoneNumberArn,
    });
  });

  it('associates nothing when no number is configured', () => {
    const none = buildApp('dev', { phoneNumber: { kind: 'none' } }, { bundle: false });
    none.template(none.data).resourceCountIs('AWS::Connect::PhoneNumber', 0);
    expect(
      customResourceCalls(none.template(none.contactCentre), 'AssociatePhoneNumberContactFlow'),
    ).toHaveLength(0);
  });
});

describe('routing', () => {
  it('creates the five queues of the manifest on the contact-centre hours, calling back from the claimed number', () => {
    expect(Object.keys(QUEUES)).toEqual([
      'GeneralQueueArn',
      'AppointmentsQueueArn',
      'PensionsQueueArn',
      'ComplaintsQueueArn',
      'CallbackQueueArn',
    ]);
    centreTemplate.resourceCountIs('AWS::Connect::Queue', 5);
    for (const queue of Object.values(QUEUES)) {
      centreTemplate.hasResourceProperties('AWS::Connect::Queue', {
        Name: queue.name,
        HoursOfOperationArn: {
          'Fn::GetAtt': [Match.stringLikeRegexp('^RoutingHours'), 'HoursOfOperationArn'],
        },
        OutboundCallerConfig: {
          OutboundCallerIdName: 'Huduma',
          OutboundCallerIdNumberArn: { 'Fn::ImportValue': Match.stringLikeRegexp('PhoneNumber') },
        },
      });
    }
  });

  it('opens 07:00-19:00 every day with no overrides while open on holidays', () => {
    const [hours] = Object.values(centreTemplate.findResources('AWS::Connect::HoursOfOperation'));
    expect(hours?.Properties.Config).toHaveLength(7);
    expect(hours?.Properties.HoursOfOperationOverrides).toBeUndefined();
  });

  it('maps queues to agents through the routing profiles of the config', () => {
    centreTemplate.resourceCountIs(
      'AWS::Connect::RoutingProfile',
      Object.keys(ROUTING_PROFILES).length,
    );
    centreTemplate.hasResourceProperties('AWS::Connect::RoutingProfile', {
      Name: 'Pensions desk',
      MediaConcurrencies: [
        { Channel: 'VOICE', Concurrency: 1 },
        { Channel: 'CHAT', Concurrency: 2 },
      ],
      QueueConfigs: Match.arrayWith(
        ['VOICE', 'CHAT'].map((Channel) =>
          Match.objectLike({
            Priority: 1,
            QueueReference: {
              Channel,
              QueueArn: {
                'Fn::GetAtt': [Match.stringLikeRegexp('QueuepensionsB|Queuepensions'), 'QueueArn'],
              },
            },
          }),
        ),
      ),
    });
  });

  it('offers a quick connect per queue on every queue, through the queue-transfer flow', () => {
    centreTemplate.resourceCountIs('AWS::Connect::QuickConnect', 5);
    centreTemplate.hasResourceProperties('AWS::Connect::QuickConnect', {
      QuickConnectConfig: {
        QuickConnectType: 'QUEUE',
        QueueConfig: {
          ContactFlowArn: {
            'Fn::GetAtt': [Match.stringLikeRegexp('^RoutingQueueTransferFlow'), 'ContactFlowArn'],
          },
          QueueArn: Match.anyValue(),
        },
      },
    });
    const [transfer] = Object.values(
      centreTemplate.findResources('AWS::Connect::ContactFlow', {
        Properties: { Name: 'Huduma queue transfer', Type: 'QUEUE_TRANSFER' },
      }),
    );
    expect(JSON.stringify(transfer?.Properties.Content)).not.toMatch(/\$\{/);
    expect(JSON.stringify(transfer?.Properties.Content)).toContain('TransferContactToQueue');
    const associations = customResourceCalls(centreTemplate, 'AssociateQueueQuickConnects');
    expect(associations).toHaveLength(25);
    for (const association of associations) {
      // The shared grant must be in place before the call runs.
      expect(association.DependsOn).toEqual(
        expect.arrayContaining([expect.stringMatching(/^ConnectApiCallRoleDefaultPolicy/)]),
      );
    }
  });
});

describe('security profiles', () => {
  it.each(Object.entries(SECURITY_PROFILES))(
    'grants the %s exactly its listed permissions',
    (_, profile) => {
      centreTemplate.hasResourceProperties('AWS::Connect::SecurityProfile', {
        SecurityProfileName: profile.name,
        Permissions: [...profile.permissions].sort(),
      });
    },
  );

  it('gives no role recording downloads, deletions or unredacted data', () => {
    for (const profile of Object.values(SECURITY_PROFILES)) {
      expect(profile.permissions).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/Download|Delete|Unredacted/)]),
      );
    }
  });

  it('keeps agents to the CCP: no metrics, monitoring or recordings', () => {
    expect([...SECURITY_PROFILES.agent.permissions].sort()).toEqual([
      'AudioDeviceSettings.Access',
      'BasicAgentAccess',
      'OutboundCallAccess',
      'TransferDestinations.View',
    ]);
  });
});

describe('holiday overrides', () => {
  const hours = (closedDates: string[]) => ({
    timeZone: 'Africa/Nairobi',
    weekly: DAYS.map((day) => ({ day, open: '07:00', close: '19:00' })),
    closedDates,
  });
  const routing = (closedDates: string[]) => {
    const stack = new Stack(testApp(), 'Test');
    new ContactRouting(stack, 'Routing', {
      instanceArn: 'arn:aws:connect:af-south-1:123456789012:instance/abc',
      instanceId: 'abc',
      hours: hours(closedDates),
      routingProfiles: ROUTING_PROFILES,
      logRetention: RetentionDays.ONE_MONTH,
    });
    return Template.fromStack(stack);
  };

  it('closes the centre on each closed date with a one-day CLOSED override', () => {
    routing(['2026-12-12', '2026-12-25']).hasResourceProperties('AWS::Connect::HoursOfOperation', {
      HoursOfOperationOverrides: [
        Match.objectLike({
          OverrideName: 'Public holiday 2026-12-12',
          EffectiveFrom: '2026-12-12',
          EffectiveTill: '2026-12-12',
          OverrideType: 'CLOSED',
        }),
        Match.objectLike({ EffectiveFrom: '2026-12-25', OverrideType: 'CLOSED' }),
      ],
    });
  });

  it(`fails synthesis when more than ${MAX_HOURS_OVERRIDES} dates need an override`, () => {
    const dates = Array.from({ length: MAX_HOURS_OVERRIDES + 1 }, (_, day) =>
      new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10),
    );
    expect(() => routing(dates)).toThrow(
      /Connect allows 50 overrides per hours of operation, but 51 holidays from 2027-01-01 to 2027-02-20 need one/,
    );
  });
});
