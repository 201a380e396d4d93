import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { environmentFromContext } from '#lib/config/context.ts';
import { namedQueries } from '#lib/constructs/data-lake-queries.ts';
import { CallOutcomeSchema } from '#shared/data/call-logs.repository.ts';
import { DIALLED_OUT } from '#shared/kpi.ts';
import { buildApp } from '../support/app.ts';

const ANALYST = 'arn:aws:quicksight:af-south-1:123456789012:group/default/huduma-analysts';
const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);
const json = JSON.stringify;

const only = (type: string) => {
  const resources = Object.entries(centre.findResources(type));
  if (resources.length !== 1) throw new Error(`Expected one ${type}, found ${resources.length}`);
  return resources[0]!;
};
const [deliveryId, delivery] = only('AWS::KinesisFirehose::DeliveryStream');
const destination = delivery.Properties.ExtendedS3DestinationConfiguration;
const lakeKey = Object.keys(centre.findResources('AWS::KMS::Key')).find((id) =>
  id.startsWith('DataLakeKey'),
)!;

describe('contact records to S3 through Firehose', () => {
  it('reads the contact-record stream', () => {
    expect(delivery.Properties.DeliveryStreamType).toBe('KinesisStreamAsSource');
    expect(delivery.Properties.KinesisStreamSourceConfiguration.KinesisStreamARN).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^ContactRecordsStream/), 'Arn'],
    });
  });

  it('writes redacted gzip JSON lines partitioned by the Nairobi date, encrypted with the lake key', () => {
    expect(destination).toMatchObject({
      BucketARN: { 'Fn::GetAtt': [expect.stringMatching(/^DataLakeContactRecords/), 'Arn'] },
      Prefix: 'contact-records/dt=!{timestamp:yyyy-MM-dd}/',
      ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/',
      CustomTimeZone: 'Africa/Nairobi',
      CompressionFormat: 'GZIP',
      EncryptionConfiguration: {
        KMSEncryptionConfig: { AWSKMSKeyARN: { 'Fn::GetAtt': [lakeKey, 'Arn'] } },
      },
      ProcessingConfiguration: {
        Enabled: true,
        Processors: [
          {
            Type: 'Lambda',
            Parameters: expect.arrayContaining([
              {
                ParameterName: 'LambdaArn',
                ParameterValue: {
                  'Fn::GetAtt': [expect.stringMatching(/^DataLakeRedaction/), 'Arn'],
                },
              },
            ]),
          },
        ],
      },
      CloudWatchLoggingOptions: expect.objectContaining({ Enabled: true }),
    });
    expect(deliveryId).toMatch(/^DataLakeDelivery/);
  });

  it('keeps raw records no longer than call logs, and query results 30 days', () => {
    centre.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [lakeKey, 'Arn'] },
            },
          }),
        ],
      },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 730 })] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'contact-records/' }),
    });
    centre.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 30 })] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'athena-results/' }),
    });
  });
});

describe('Glue table', () => {
  const [, table] = only('AWS::Glue::Table');
  const input = table.Properties.TableInput;

  it('lies over the lake prefix with date partition projection, so no crawler is needed', () => {
    centre.hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: Match.objectLike({ Name: 'huduma_prod' }),
    });
    expect(table.Properties.DatabaseName).toBe('huduma_prod');
    expect(input).toMatchObject({
      Name: 'contact_trace_records',
      TableType: 'EXTERNAL_TABLE',
      PartitionKeys: [expect.objectContaining({ Name: 'dt', Type: 'string' })],
      Parameters: expect.objectContaining({
        'projection.enabled': 'true',
        'projection.dt.type': 'date',
        'projection.dt.format': 'yyyy-MM-dd',
      }),
      StorageDescriptor: expect.objectContaining({
        SerdeInfo: expect.objectContaining({
          SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
        }),
      }),
    });
    expect(json(input.Parameters['storage.location.template'])).toContain(
      '/contact-records/dt=${dt}/',
    );
  });

  it('exposes the CTR fields the KPIs need, and no phone number', () => {
    const columns = input.StorageDescriptor.Columns.map((column: { Name: string }) => column.Name);
    expect(columns).toEqual(
      expect.arrayContaining([
        'contactid',
        'initiationmethod',
        'initiationtimestamp',
        'lastupdatetimestamp',
        'queue',
        'agent',
        'attributes',
        'nextcontactid',
      ]),
    );
    expect(columns).not.toContain('customerendpoint');
    expect(columns).not.toContain('systemendpoint');
  });
});

describe('Athena', () => {
  it('has a workgroup that enforces KMS-encrypted results and caps the data a query scans', () => {
    centre.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'huduma-prod-analytics',
      RecursiveDeleteOption: false,
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        BytesScannedCutoffPerQuery: 10 * 1024 ** 3,
        ResultConfiguration: {
          OutputLocation: Match.anyValue(),
          EncryptionConfiguration: {
            EncryptionOption: 'SSE_KMS',
            KmsKey: { 'Fn::GetAtt': [lakeKey, 'Arn'] },
          },
        },
      },
    });
  });

  it('has a named query in the workgroup for each KPI group', () => {
    const queries = Object.values(centre.findResources('AWS::Athena::NamedQuery'));
    expect(queries.map((query) => query.Properties.Name)).toEqual([
      'Daily summary: calls received, handled, abandoned, service level, ASA, containment',
      'Per agent and day: calls handled, average and maximum handle time',
      'Per day: how contacts ended, and the self-service tasks completed',
      'Per day: CSAT (% 4-5) and NPS (% 9-10 minus % 0-6)',
    ]);
    for (const { Properties } of queries) {
      expect(Properties).toMatchObject({
        Database: 'huduma_prod',
        WorkGroup: { Ref: expect.stringMatching(/^DataLakeWorkGroup/) },
      });
    }
  });

  it('defines the KPIs as the call logs do: newest record per contact, same outcomes, Nairobi days, 20 s', () => {
    const [daily, ...rest] = namedQueries({
      database: 'db',
      table: 't',
      timeZone: 'Africa/Nairobi',
      answerWithinSeconds: 20,
    });
    for (const { sql } of [daily!, ...rest]) {
      expect(sql).toContain(
        'PARTITION BY contactid ORDER BY from_iso8601_timestamp(lastupdatetimestamp) DESC',
      );
      expect(sql).toContain("AT TIME ZONE 'Africa/Nairobi'");
      for (const outcome of CallOutcomeSchema.options) expect(sql).toContain(`'${outcome}'`);
      for (const method of DIALLED_OUT) expect(sql).toContain(`'${method}'`);
    }
    expect(daily!.sql).toContain('queue_wait_seconds <= 20');
  });
});

describe('QuickSight', () => {
  it('is left out until an analyst principal is configured', () => {
    centre.resourceCountIs('AWS::QuickSight::DataSource', 0);
    centre.resourceCountIs('AWS::QuickSight::DataSet', 0);
    centre.resourceCountIs('AWS::QuickSight::Analysis', 0);
    centre.resourceCountIs('AWS::QuickSight::Dashboard', 0);
  });

  it('takes the principal from the command line: -c quickSightPrincipalArn=<arn>', () => {
    // Prod is built only with the USSD gateway's addresses (test/infra/ussd.test.ts).
    const GATEWAY = '192.0.2.0/24';
    const context = (values: Record<string, string>) => ({
      tryGetContext: (key: string) => values[key],
    });

    expect(
      environmentFromContext(
        context({ env: 'prod', ussdGatewayCidrs: GATEWAY, quickSightPrincipalArn: ANALYST }),
      ).quickSightPrincipalArn,
    ).toBe(ANALYST);
    expect(environmentFromContext(context({})).quickSightPrincipalArn).toBeUndefined();
    expect(() =>
      environmentFromContext(context({ quickSightPrincipalArn: 'arn:aws:iam::1:user/x' })),
    ).toThrow(/quickSightPrincipalArn/);
    expect(environmentFromContext(context({ hours: '24h' })).hours.close).toBe('24:00');
  });

  describe('with an analyst principal', () => {
    const app = buildApp('prod', { quickSightPrincipalArn: ANALYST }, { bundle: false });
    const withQuickSight = app.template(app.contactCentre);

    it('has an Athena data source on the analytics workgroup, with a role of its own', () => {
      withQuickSight.hasResourceProperties('AWS::QuickSight::DataSource', {
        Type: 'ATHENA',
        DataSourceParameters: {
          AthenaParameters: {
            WorkGroup: { Ref: Match.stringLikeRegexp('^DataLakeWorkGroup') },
            RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataLakeQuickSightRole'), 'Arn'] },
          },
        },
        Permissions: [
          {
            Principal: ANALYST,
            Actions: Match.arrayWith([
              'quicksight:DescribeDataSource',
              'quicksight:PassDataSource',
            ]),
          },
        ],
      });
    });

    it('has a direct-query dataset of one row per contact, shared read-only with the analysts', () => {
      withQuickSight.hasResourceProperties('AWS::QuickSight::DataSet', {
        ImportMode: 'DIRECT_QUERY',
        PhysicalTableMap: {
          contacts: {
            CustomSql: Match.objectLike({
              SqlQuery: Match.stringLikeRegexp('WHERE version = 1'),
              Columns: Match.arrayWith([
                { Name: 'outcome', Type: 'STRING' },
                { Name: 'handle_seconds', Type: 'INTEGER' },
              ]),
            }),
          },
        },
        Permissions: [
          {
            Principal: ANALYST,
            Actions: Match.arrayWith(['quicksight:DescribeDataSet', 'quicksight:PassDataSet']),
          },
        ],
      });
      const [dataSet] = Object.values(withQuickSight.findResources('AWS::QuickSight::DataSet'));
      expect(dataSet?.Properties.Permissions[0].Actions).not.toContain('quicksight:DeleteDataSet');
    });

    it('lets that role run queries in the analytics workgroup only, and be assumed by QuickSight only', () => {
      withQuickSight.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [Match.objectLike({ Principal: { Service: 'quicksight.amazonaws.com' } })],
        },
      });
      withQuickSight.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: Match.stringLikeRegexp('^DataLakeQuickSightRole') }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: Match.arrayWith(['athena:StartQueryExecution', 'athena:GetQueryResults']),
              Resource: {
                'Fn::Join': ['', Match.arrayWith([':workgroup/huduma-prod-analytics'])],
              },
            }),
          ]),
        },
      });
    });

    const dataSetArn = {
      'Fn::GetAtt': [Match.stringLikeRegexp('^DataLakeQuickSightDataSet'), 'Arn'],
    };
    const VISUALS = [
      'calls-per-day',
      'aht-per-agent',
      'satisfaction',
      'containment',
      'service-level',
    ];

    it('defines a dashboard over the contacts dataset: calls per day, AHT per agent, CSAT and NPS, containment, service level', () => {
      withQuickSight.resourceCountIs('AWS::QuickSight::Dashboard', 1);
      withQuickSight.hasResourceProperties('AWS::QuickSight::Dashboard', {
        DashboardId: 'huduma-prod-analytics-dashboard',
        Definition: Match.objectLike({
          DataSetIdentifierDeclarations: [{ Identifier: 'contacts', DataSetArn: dataSetArn }],
          CalculatedFields: Match.arrayWith([
            Match.objectLike({ Name: 'csat_pct' }),
            Match.objectLike({ Name: 'nps_score' }),
            Match.objectLike({ Name: 'containment_pct' }),
            Match.objectLike({
              Name: 'service_level_pct',
              Expression: Match.stringLikeRegexp('queue_wait_seconds\\} <= 20'),
            }),
          ]),
        }),
        Permissions: [
          {
            Principal: ANALYST,
            Actions: Match.arrayWith(['quicksight:DescribeDashboard', 'quicksight:QueryDashboard']),
          },
        ],
      });
      const [dashboard] = Object.values(withQuickSight.findResources('AWS::QuickSight::Dashboard'));
      const [sheet] = dashboard?.Properties.Definition.Sheets ?? [];
      const ids = sheet.Visuals.map(
        (visual: Record<string, { VisualId: string }>) => Object.values(visual)[0]?.VisualId,
      );
      expect(ids).toEqual(VISUALS);
      expect(JSON.stringify(sheet.Visuals[1])).toContain('"SimpleNumericalAggregation":"AVERAGE"');
      expect(dashboard?.DependsOn).toEqual([expect.stringMatching(/^DataLakeQuickSightDataSet/)]);
    });

    it('gives the analysts an analysis of the same definition to change and save as their own', () => {
      withQuickSight.hasResourceProperties('AWS::QuickSight::Analysis', {
        AnalysisId: 'huduma-prod-analytics-analysis',
        Definition: Match.objectLike({
          DataSetIdentifierDeclarations: [{ Identifier: 'contacts', DataSetArn: dataSetArn }],
        }),
        Permissions: [
          {
            Principal: ANALYST,
            Actions: Match.arrayWith(['quicksight:DescribeAnalysis', 'quicksight:UpdateAnalysis']),
          },
        ],
      });
      const [analysis] = Object.values(withQuickSight.findResources('AWS::QuickSight::Analysis'));
      const [dashboard] = Object.values(withQuickSight.findResources('AWS::QuickSight::Dashboard'));
      expect(analysis?.Properties.Definition).toEqual(dashboard?.Properties.Definition);
      expect(analysis?.Properties.Permissions[0].Actions).not.toContain(
        'quicksight:DeleteAnalysis',
      );
    });

    it('passes the security gate with a written reason for each acknowledgement', () => {
      const findings = [new AwsSolutionsChecks(app.app), new ServerlessChecks(app.app)].flatMap(
        (pack) =>
          pack
            .validateScope(app.app)
            .violations.flatMap((violation) =>
              violation.violatingResources.map(
                (resource) => `${violation.ruleName} at ${resource.constructPath}`,
              ),
            ),
      );
      expect(findings).toEqual([]);
    });
  });
});
