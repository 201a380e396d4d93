import { Duration, RemovalPolicy, Size, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { CfnNamedQuery, CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IStream } from 'aws-cdk-lib/aws-kinesis';
import {
  Compression,
  DeliveryStream,
  EnableLogging,
  KinesisStreamSource,
  LambdaFunctionProcessor,
  S3Bucket,
} from 'aws-cdk-lib/aws-kinesisfirehose';
import type { Key } from 'aws-cdk-lib/aws-kms';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnDataSet, CfnDataSource } from 'aws-cdk-lib/aws-quicksight';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { LakeDashboard } from './data-lake-dashboard.ts';
import { CONTACT_COLUMNS, contactsSql, namedQueries } from './data-lake-queries.ts';
import { PlatformFunction } from './flow-function.ts';
import { rotatingKey } from './rotating-key.ts';

export interface DataLakeProps {
  /** The contact-record stream Connect writes CTRs to. */
  readonly contactRecordStream: IStream;
  /** Receives the lake buckets' access logs. */
  readonly accessLogsBucket: IBucket;
  /** Glue database name (lowercase, underscores), e.g. `huduma_prod`. */
  readonly databaseName: string;
  /** Athena workgroup name, e.g. `huduma-prod-analytics`. */
  readonly workGroupName: string;
  /** Days raw contact trace records are kept (Data Protection Act: no longer than the call logs). */
  readonly retentionDays: number;
  /** The contact centre's time zone: partitions and KPI days are its calendar dates. */
  readonly timeZone: string;
  /** Calls answered within this many seconds count towards the service level. */
  readonly answerWithinSeconds: number;
  readonly logRetention: RetentionDays;
  /** Keep the lake bucket and key when the stack is deleted. */
  readonly retainData: boolean;
  /**
   * QuickSight user or group ARN of the analysts: a data source and dataset are shared with them.
   * @default no QuickSight resources
   */
  readonly quickSightPrincipalArn?: string;
  /**
   * Most data one Athena query may scan, a guard against runaway cost.
   * @default 10 GiB
   */
  readonly bytesScannedCutoffPerQuery?: Size;
}

const TABLE = 'contact_trace_records';
const PREFIX = 'contact-records';

/** Hive types of the CTR fields the analysts query (CustomerEndpoint, a phone number, is left out). */
const CTR_COLUMNS: { name: string; type: string; comment?: string }[] = [
  { name: 'contactid', type: 'string' },
  { name: 'initialcontactid', type: 'string' },
  { name: 'previouscontactid', type: 'string' },
  { name: 'nextcontactid', type: 'string' },
  { name: 'channel', type: 'string' },
  { name: 'initiationmethod', type: 'string' },
  { name: 'initiationtimestamp', type: 'string', comment: 'ISO 8601 UTC' },
  { name: 'connectedtosystemtimestamp', type: 'string' },
  { name: 'disconnecttimestamp', type: 'string' },
  { name: 'lastupdatetimestamp', type: 'string', comment: 'the record version (dedupe on it)' },
  { name: 'disconnectreason', type: 'string' },
  {
    name: 'queue',
    type: 'struct<arn:string,name:string,enqueuetimestamp:string,dequeuetimestamp:string,duration:int>',
  },
  {
    name: 'agent',
    type: 'struct<username:string,connectedtoagenttimestamp:string,agentinteractionduration:int,customerholdduration:int,aftercontactworkduration:int,numberofholds:int,longestholdduration:int>',
  },
  { name: 'attributes', type: 'map<string,string>', comment: 'lang, journey, selfService, intent' },
  { name: 'instancearn', type: 'string' },
];

/**
 * The analysts' data lake: contact trace records from the stream through Firehose, redacted
 * (no caller's number, only the analysis attributes), to S3 (gzip JSON lines under
 * `contact-records/dt=YYYY-MM-DD/`, arrival day in the contact centre's time zone), a Glue table over them with partition projection (no crawler), an Athena
 * workgroup with encrypted results and named queries for the KPIs, and, when an analyst
 * principal is configured, a QuickSight data source, a dataset of one row per contact, and an
 * analysis and dashboard over it (data-lake-dashboard.ts).
 */
export class DataLake extends Construct {
  readonly key: Key;
  readonly bucket: Bucket;
  readonly resultsBucket: Bucket;
  readonly deliveryStream: DeliveryStream;
  /** Redacts each record (caller's number, attributes beyond the analysis) on its way to S3. */
  readonly redaction: PlatformFunction;
  readonly database: CfnDatabase;
  readonly table: CfnTable;
  readonly workGroup: CfnWorkGroup;
  readonly quickSight?: {
    readonly dataSource: CfnDataSource;
    readonly dataSet: CfnDataSet;
    /** The analysis and dashboard over the dataset (lib/constructs/data-lake-dashboard.ts). */
    readonly dashboard: LakeDashboard;
  };

  constructor(scope: Construct, id: string, props: DataLakeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.key = rotatingKey(
      this,
      'Key',
      'Encrypts the Huduma contact-record lake and Athena query results',
      removalPolicy,
    );
    const bucket = (name: string, expiration: Duration, logPrefix: string) =>
      new Bucket(this, name, {
        encryption: BucketEncryption.KMS,
        encryptionKey: this.key,
        bucketKeyEnabled: true,
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        serverAccessLogsBucket: props.accessLogsBucket,
        serverAccessLogsPrefix: logPrefix,
        lifecycleRules: [{ expiration }],
        removalPolicy,
      });
    this.bucket = bucket('ContactRecords', Duration.days(props.retentionDays), 'contact-records/');
    this.resultsBucket = bucket('QueryResults', Duration.days(30), 'athena-results/');

    this.redaction = new PlatformFunction(this, 'Redaction', {
      handler: 'lake-redaction',
      description:
        "Firehose transformation: the contact-record lake keeps no caller's number and only the analysis attributes",
      logRetention: props.logRetention,
      timeout: Duration.minutes(1),
    });
    this.deliveryStream = this.createDeliveryStream(props);

    this.database = new CfnDatabase(this, 'Database', {
      catalogId: stack.account,
      databaseInput: {
        name: props.databaseName,
        description: 'Huduma contact centre: contact trace records',
      },
    });
    this.table = new CfnTable(this, 'Table', {
      catalogId: stack.account,
      databaseName: props.databaseName,
      tableInput: {
        name: TABLE,
        description:
          'Amazon Connect contact trace records, as streamed (several versions per contact)',
        tableType: 'EXTERNAL_TABLE',
        partitionKeys: [{ name: 'dt', type: 'string', comment: 'arrival day, YYYY-MM-DD' }],
        parameters: {
          classification: 'json',
          'projection.enabled': 'true',
          'projection.dt.type': 'date',
          'projection.dt.format': 'yyyy-MM-dd',
          'projection.dt.range': '2026-01-01,NOW',
          'projection.dt.interval': '1',
          'projection.dt.interval.unit': 'DAYS',
          'storage.location.template': `s3://${this.bucket.bucketName}/${PREFIX}/dt=\${dt}/`,
        },
        storageDescriptor: {
          location: `s3://${this.bucket.bucketName}/${PREFIX}/`,
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          serdeInfo: {
            serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
            parameters: { 'ignore.malformed.json': 'true', 'case.insensitive': 'true' },
          },
          columns: CTR_COLUMNS,
        },
      },
    });
    this.table.node.addDependency(this.database);

    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: props.workGroupName,
      description: 'Huduma contact-centre analytics: KPIs over the contact-record lake',
      recursiveDeleteOption: !props.retainData,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: (
          props.bytesScannedCutoffPerQuery ?? Size.gibibytes(10)
        ).toBytes(),
        resultConfiguration: {
          outputLocation: `s3://${this.resultsBucket.bucketName}/results/`,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: this.key.keyArn },
        },
      },
    });
    const queryOptions = {
      database: props.databaseName,
      table: TABLE,
      timeZone: props.timeZone,
      answerWithinSeconds: props.answerWithinSeconds,
    };
    for (const query of namedQueries(queryOptions)) {
      const named = new CfnNamedQuery(this, query.id, {
        name: query.name,
        description: query.description,
        database: props.databaseName,
        workGroup: this.workGroup.ref,
        queryString: query.sql,
      });
      named.node.addDependency(this.table);
    }

    if (props.quickSightPrincipalArn) {
      const { dataSource, dataSet } = this.createQuickSight(
        props.quickSightPrincipalArn,
        props,
        queryOptions,
      );
      const dashboard = new LakeDashboard(this, 'QuickSightDashboard', {
        dataSet,
        principalArn: props.quickSightPrincipalArn,
        idPrefix: props.workGroupName,
        answerWithinSeconds: props.answerWithinSeconds,
      });
      this.quickSight = { dataSource, dataSet, dashboard };
    }
  }

  private createDeliveryStream(props: DataLakeProps): DeliveryStream {
    const logs = new LogGroup(this, 'DeliveryLogs', { retention: props.logRetention });
    const deliveryStream = new DeliveryStream(this, 'Delivery', {
      source: new KinesisStreamSource(props.contactRecordStream),
      destination: new S3Bucket(this.bucket, {
        dataOutputPrefix: `${PREFIX}/dt=!{timestamp:yyyy-MM-dd}/`,
        errorOutputPrefix: 'errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/',
        timeZone: TimeZone.of(props.timeZone),
        compression: Compression.GZIP,
        encryptionKey: this.key,
        bufferingInterval: Duration.minutes(5),
        bufferingSize: Size.mebibytes(64),
        // Redacts each record and ends it with a newline: Athena's JSON SerDe reads one per line.
        processors: [
          new LambdaFunctionProcessor(this.redaction, {
            bufferInterval: Duration.minutes(1),
            bufferSize: Size.mebibytes(1),
          }),
        ],
        loggingConfig: new EnableLogging(logs),
      }),
    });
    const destinationRole = deliveryStream.node.tryFindChild('S3 Destination Role');
    const bucketArn = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    const firehoseGrant = [
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::kms:GenerateDataKey*',
      'Action::kms:ReEncrypt*',
      `Resource::<${bucketArn}.Arn>/*`,
      // lambda:InvokeFunction on the redaction function and its versions.
      `Resource::<${Stack.of(this).getLogicalId(this.redaction.node.defaultChild as CfnFunction)}.Arn>:*`,
    ];
    for (const finding of firehoseGrant)
      if (destinationRole)
        Validations.of(destinationRole).acknowledge({
          id: `AwsSolutions-IAM5[${finding}]`,
          reason:
            "Firehose's own grant on its destination and processor: objects of the lake bucket (multipart uploads, retries), the lake key's data-key actions, and the versions of the redaction function.",
        });
    Validations.of(deliveryStream).acknowledge({
      id: 'AwsSolutions-KDF1',
      reason:
        'The source is the contact-record stream, encrypted with the Connect storage key; Firehose refuses server-side encryption on a stream-sourced delivery stream, and the S3 destination uses the lake key.',
    });
    return deliveryStream;
  }

  /** A role QuickSight uses for this data source only: the workgroup, the table and the two buckets. */
  private createQuickSight(
    principalArn: string,
    props: DataLakeProps,
    queryOptions: Parameters<typeof contactsSql>[0],
  ) {
    const stack = Stack.of(this);
    const role = new Role(this, 'QuickSightRole', {
      assumedBy: new ServicePrincipal('quicksight.amazonaws.com'),
      description: 'QuickSight reads the contact-record lake through the analytics workgroup',
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: [
          'athena:StartQueryExecution',
          'athena:StopQueryExecution',
          'athena:GetQueryExecution',
          'athena:GetQueryResults',
          'athena:GetWorkGroup',
        ],
        resources: [
          stack.formatArn({
            service: 'athena',
            resource: 'workgroup',
            resourceName: props.workGroupName,
          }),
        ],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartitions'],
        resources: [
          stack.formatArn({ service: 'glue', resource: 'catalog' }),
          stack.formatArn({
            service: 'glue',
            resource: 'database',
            resourceName: props.databaseName,
          }),
          stack.formatArn({
            service: 'glue',
            resource: 'table',
            resourceName: `${props.databaseName}/${TABLE}`,
          }),
        ],
      }),
    );
    // Named S3 and KMS actions (grantRead/grantReadWrite would add wildcard actions).
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
        resources: [this.bucket.bucketArn, this.resultsBucket.bucketArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects(`${PREFIX}/*`)],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: [
          's3:GetObject',
          's3:PutObject',
          's3:AbortMultipartUpload',
          's3:ListMultipartUploadParts',
        ],
        resources: [this.resultsBucket.arnForObjects('results/*')],
      }),
    );
    this.key.grant(role, 'kms:Decrypt', 'kms:GenerateDataKey');
    const objectsOf = (bucket: Bucket) =>
      Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnBucket);
    for (const objects of [
      `<${objectsOf(this.bucket)}.Arn>/${PREFIX}/*`,
      `<${objectsOf(this.resultsBucket)}.Arn>/results/*`,
    ])
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${objects}]`,
        reason:
          'QuickSight reads contact-record objects under the lake prefix and reads and writes Athena results under the results prefix; objects have no names to list in advance.',
      });

    const dataSource = new CfnDataSource(this, 'QuickSightDataSource', {
      awsAccountId: stack.account,
      dataSourceId: `${props.workGroupName}-athena`,
      name: 'Huduma contact-record lake (Athena)',
      type: 'ATHENA',
      dataSourceParameters: {
        athenaParameters: { workGroup: this.workGroup.ref, roleArn: role.roleArn },
      },
      sslProperties: { disableSsl: false },
      permissions: [
        {
          principal: principalArn,
          actions: [
            'quicksight:DescribeDataSource',
            'quicksight:DescribeDataSourcePermissions',
            'quicksight:PassDataSource',
          ],
        },
      ],
    });
    const dataSet = new CfnDataSet(this, 'QuickSightDataSet', {
      awsAccountId: stack.account,
      dataSetId: `${props.workGroupName}-contacts`,
      name: 'Huduma contacts (one row per contact)',
      importMode: 'DIRECT_QUERY',
      physicalTableMap: {
        contacts: {
          customSql: {
            dataSourceArn: dataSource.attrArn,
            name: 'contacts',
            sqlQuery: contactsSql(queryOptions),
            columns: CONTACT_COLUMNS.map(({ name, type }) => ({ name, type })),
          },
        },
      },
      permissions: [
        {
          principal: principalArn,
          actions: [
            'quicksight:DescribeDataSet',
            'quicksight:DescribeDataSetPermissions',
            'quicksight:PassDataSet',
            'quicksight:DescribeIngestion',
            'quicksight:ListIngestions',
          ],
        },
      ],
    });
    dataSet.node.addDependency(this.table);
    return { dataSource, dataSet };
  }
}
