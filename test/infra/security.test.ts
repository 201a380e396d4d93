import { environmentNames } from '#lib/config/environments.ts';
import { buildApp } from '../support/app.ts';
import { AppTemplates, actionsOf, type Json, type Located } from '../support/templates.ts';

const KMS_KEY = 'AWS::KMS::Key';

/**
 * Buckets allowed to use S3-managed keys, with why. S3 server access logs are delivered only
 * to buckets encrypted with SSE-S3, so the access-log bucket cannot use a customer-managed key.
 */
const SSE_S3_BUCKETS = { AccessLogs: 'S3 server access logging requires SSE-S3 on the target' };

const isSseS3Exception = (bucket: Located) =>
  Object.keys(SSE_S3_BUCKETS).some((name) => bucket.id.startsWith(name));

describe.each(environmentNames)('security of the %s app', (name) => {
  const { stacks } = buildApp(name);
  const app = new AppTemplates(stacks);
  const isCustomerKey = (stack: string, value: unknown) =>
    app.referenced(stack, value)?.resource.Type === KMS_KEY;

  describe('encryption with customer-managed keys', () => {
    it('encrypts every table with a customer-managed key and keeps point-in-time recovery on', () => {
      const tables = app.resources('AWS::DynamoDB::GlobalTable');
      expect(tables.length).toBeGreaterThan(0);
      for (const { stack, resource } of tables) {
        expect(resource.Properties?.SSESpecification).toMatchObject({ SSEType: 'KMS' });
        for (const replica of resource.Properties?.Replicas ?? []) {
          expect(isCustomerKey(stack, replica.SSESpecification?.KMSMasterKeyId)).toBe(true);
          expect(replica.PointInTimeRecoverySpecification).toEqual({
            PointInTimeRecoveryEnabled: true,
          });
        }
      }
      expect(app.resources('AWS::DynamoDB::Table')).toEqual([]);
    });

    it('encrypts every queue and topic with a customer-managed key', () => {
      for (const { stack, resource } of app.resources('AWS::SQS::Queue')) {
        expect(isCustomerKey(stack, resource.Properties?.KmsMasterKeyId)).toBe(true);
      }
      for (const { stack, resource } of app.resources('AWS::SNS::Topic')) {
        expect(isCustomerKey(stack, resource.Properties?.KmsMasterKeyId)).toBe(true);
      }
    });

    it('encrypts every stream with a customer-managed key', () => {
      const streams = app.resources('AWS::Kinesis::Stream');
      expect(streams.length).toBeGreaterThan(0);
      for (const { stack, resource } of streams) {
        expect(resource.Properties?.StreamEncryption?.EncryptionType).toBe('KMS');
        expect(isCustomerKey(stack, resource.Properties?.StreamEncryption?.KeyId)).toBe(true);
      }
    });

    it('encrypts every bucket with a customer-managed key, except the documented SSE-S3 access-log bucket', () => {
      const buckets = app.resources('AWS::S3::Bucket');
      const exceptions = buckets.filter(isSseS3Exception);
      expect(exceptions.map(({ id }) => id.replace(/[0-9A-F]{8}$/, ''))).toEqual(['AccessLogs']);
      for (const bucket of buckets) {
        const [rule] =
          bucket.resource.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration ?? [];
        if (isSseS3Exception(bucket)) {
          expect(rule.ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'AES256' });
        } else {
          expect(rule.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
          expect(
            isCustomerKey(bucket.stack, rule.ServerSideEncryptionByDefault.KMSMasterKeyID),
          ).toBe(true);
        }
      }
    });

    it('rotates every customer-managed encryption key', () => {
      for (const { resource } of app.resources(KMS_KEY)) {
        // KMS cannot rotate HMAC keys (the ID-number hash key, checked below).
        if (resource.Properties?.KeySpec === 'HMAC_256') continue;
        expect(resource.Properties?.EnableKeyRotation).toBe(true);
      }
    });

    it('has one HMAC key, for ID-number hashes, retained like the tables', () => {
      const hmacKeys = app
        .resources(KMS_KEY)
        .filter(({ resource }) => resource.Properties?.KeySpec?.startsWith('HMAC'));
      expect(hmacKeys).toHaveLength(1);
      expect(hmacKeys[0]!.id).toMatch(/^DataIdentityHashKey[0-9A-F]{8}$/);
      expect(hmacKeys[0]!.resource.Properties).toMatchObject({
        KeySpec: 'HMAC_256',
        KeyUsage: 'GENERATE_VERIFY_MAC',
      });
      const [table] = app
        .resources('AWS::DynamoDB::GlobalTable')
        .filter(({ id }) => id.startsWith('DataServiceData'));
      expect(hmacKeys[0]!.resource.DeletionPolicy).toBe(table!.resource.DeletionPolicy);
    });
  });

  describe('logs', () => {
    it('gives every log group a retention', () => {
      const groups = app.resources('AWS::Logs::LogGroup');
      expect(groups.length).toBeGreaterThan(0);
      for (const { resource } of groups) {
        expect(resource.Properties?.RetentionInDays).toBeGreaterThan(0);
      }
    });

    it('sends every function to its own explicit log group, so none logs without retention', () => {
      for (const { stack, resource } of app.resources('AWS::Lambda::Function')) {
        const group = app.referenced(stack, resource.Properties?.LoggingConfig?.LogGroup);
        expect(group?.resource.Type).toBe('AWS::Logs::LogGroup');
      }
    });

    it('keeps contact-flow logs in a group it created with retention', () => {
      const flowLogs = app
        .resources('AWS::Logs::LogGroup')
        .filter(({ resource }) =>
          String(resource.Properties?.LogGroupName).startsWith('/aws/connect/'),
        );
      expect(flowLogs).toHaveLength(1);
    });
  });

  describe('flow-invoked functions', () => {
    const permissions = app
      .resources('AWS::Lambda::Permission')
      .filter(({ resource }) => resource.Properties?.Principal === 'connect.amazonaws.com');
    // Flows and associations name each function's live alias; the alias names the function.
    const behindAlias = (located: Located | undefined) =>
      located?.resource.Type === 'AWS::Lambda::Alias'
        ? app.referenced(located.stack, located.resource.Properties?.FunctionName)
        : located;
    const flowFunctions = permissions.map(
      ({ stack, resource }) =>
        behindAlias(app.referenced(stack, resource.Properties?.FunctionName)) as Located,
    );

    it('time out within 3 seconds', () => {
      expect(flowFunctions.length).toBeGreaterThan(0);
      for (const fn of flowFunctions) {
        expect(fn.resource.Properties?.Timeout).toBeLessThanOrEqual(3);
      }
    });

    it('can be invoked only by this account and its own Connect instance, through the alias the flows name', () => {
      for (const { stack, resource } of permissions) {
        // Lambda scopes a permission to what it is on: the function's would not admit the alias.
        expect(app.referenced(stack, resource.Properties?.FunctionName)?.resource.Type).toBe(
          'AWS::Lambda::Alias',
        );
        expect(resource.Properties?.SourceAccount).toBeDefined();
        expect(app.referenced(stack, resource.Properties?.SourceArn)?.resource.Type).toBe(
          'AWS::Connect::Instance',
        );
      }
    });

    it('are every function a flow names, each associated with the instance', () => {
      const associated = app
        .resources('AWS::Connect::IntegrationAssociation')
        .map(
          ({ stack, resource }) =>
            behindAlias(app.referenced(stack, resource.Properties?.IntegrationArn))?.id,
        );
      const named = app
        .resources('AWS::Connect::ContactFlow')
        .flatMap(({ stack, resource }) => app.allReferenced(stack, resource.Properties?.Content))
        .filter(({ resource }) => /^AWS::Lambda::(Alias|Function)$/.test(resource.Type))
        .map((named) => behindAlias(named)?.id);
      expect(new Set(named)).toEqual(new Set(flowFunctions.map(({ id }) => id)));
      expect(new Set(associated)).toEqual(new Set(flowFunctions.map(({ id }) => id)));
    });
  });

  describe('least privilege', () => {
    const functions = app.resources('AWS::Lambda::Function');

    it('grants no IAM action or resource wildcard on data: no dynamodb:* or kms:*, no table admin, no Scan', () => {
      for (const { resource } of app.resources('AWS::IAM::Policy')) {
        for (const statement of resource.Properties?.PolicyDocument.Statement ?? []) {
          const actions = actionsOf(statement);
          expect(actions).not.toContain('*');
          for (const action of actions) {
            expect(action).not.toMatch(/^(dynamodb|kms|sqs|kinesis|connect):\*$/);
            expect(action).not.toMatch(/^dynamodb:(Scan|CreateTable|DeleteTable|UpdateTable)$/);
          }
          if (actions.some((action) => action.startsWith('dynamodb:'))) {
            expect(statement.Resource).not.toEqual('*');
          }
        }
      }
    });

    it('lets each function reach exactly the tables whose names it is given, and only by item actions', () => {
      let withTables = 0;
      for (const fn of functions) {
        const variables = fn.resource.Properties?.Environment?.Variables ?? {};
        const configured = new Set(
          Object.values(variables)
            .map((value) => app.referenced(fn.stack, value))
            .filter((ref) => ref?.resource.Type === 'AWS::DynamoDB::GlobalTable')
            .map((ref) => ref?.id),
        );
        const role = app.referenced(fn.stack, fn.resource.Properties?.Role) as Located;
        const dynamo = app
          .roleStatements(role)
          .filter((statement) => actionsOf(statement).some((a) => a.startsWith('dynamodb:')));
        const reached = new Set(
          dynamo
            .flatMap((statement) => app.allReferenced(role.stack, statement.Resource))
            .filter(({ resource }) => resource.Type === 'AWS::DynamoDB::GlobalTable')
            .map(({ id }) => id),
        );
        if (configured.size > 0) withTables++;
        expect({ function: fn.id, tables: reached }).toEqual({
          function: fn.id,
          tables: configured,
        });
        for (const statement of dynamo) {
          for (const resource of [statement.Resource].flat()) {
            expect(JSON.stringify(resource)).not.toMatch(/\*/);
          }
        }
      }
      expect(withTables).toBeGreaterThan(0);
    });

    // Those that check proofs, and those that key the Tickets caller index by a number's hash.
    it('lets only the functions that check proofs or hash numbers in keys use the HMAC key, with GenerateMac alone, and names its ARN to them', () => {
      const isHmacKey = (located: Located | undefined) =>
        located?.resource.Type === KMS_KEY && located.resource.Properties?.KeySpec === 'HMAC_256';
      const macUsers = new Set<string>();
      for (const { stack, resource } of app.resources('AWS::IAM::Policy')) {
        for (const statement of resource.Properties?.PolicyDocument.Statement ?? []) {
          const actions = actionsOf(statement);
          const onHmacKey = app.allReferenced(stack, statement.Resource).some(isHmacKey);
          if (actions.includes('kms:GenerateMac') || onHmacKey) {
            expect(actions).toEqual(['kms:GenerateMac']);
            expect(app.allReferenced(stack, statement.Resource).map(isHmacKey)).toEqual([true]);
            for (const role of resource.Properties?.Roles ?? [])
              macUsers.add(app.referenced(stack, role)?.id ?? '');
          }
        }
      }
      expect([...macUsers].sort()).toEqual([
        // The staff API's knowledge SMS keeps its allowance under the number's hash.
        expect.stringMatching(/^KnowledgeFunctionRole/),
        expect.stringMatching(/^MessagingSmsRole/),
        expect.stringMatching(/^MessagingWhatsAppRole/),
        expect.stringMatching(/^NotificationDeliveryDeliverRole/),
        expect.stringMatching(/^SelfServiceAppointmentsRole/),
        expect.stringMatching(/^SelfServiceCallerContextRole/),
        expect.stringMatching(/^SelfServiceComplaintsRole/),
        expect.stringMatching(/^SelfServiceKnowledgeRole/),
        expect.stringMatching(/^SelfServicePensionsRole/),
        expect.stringMatching(/^SelfServiceTrackingRole/),
        expect.stringMatching(/^TicketApiHandlerRole/),
        expect.stringMatching(/^UssdFunctionRole/),
        expect.stringMatching(/^WebChatHandlerRole/),
      ]);
      const withKeyArn = functions.filter(
        (fn) => fn.resource.Properties?.Environment?.Variables?.IDENTITY_HASH_KEY_ARN,
      );
      expect(withKeyArn.map(({ id }) => id).sort()).toEqual([
        expect.stringMatching(/^KnowledgeFunction[0-9A-F]{8}$/),
        expect.stringMatching(/^MessagingSms[0-9A-F]{8}$/),
        expect.stringMatching(/^MessagingWhatsApp[0-9A-F]{8}$/),
        expect.stringMatching(/^NotificationDeliveryDeliver[0-9A-F]{8}$/),
        expect.stringMatching(/^SelfServiceAppointments[0-9A-F]{8}$/),
        expect.stringMatching(/^SelfServiceCallerContext[0-9A-F]{8}$/),
        expect.stringMatching(/^SelfServiceComplaints[0-9A-F]{8}$/),
        expect.stringMatching(/^SelfServiceKnowledge[0-9A-F]{8}$/),
        expect.stringMatching(/^SelfServicePensions[0-9A-F]{8}$/),
        expect.stringMatching(/^SelfServiceTracking[0-9A-F]{8}$/),
        expect.stringMatching(/^TicketApiHandler[0-9A-F]{8}$/),
        expect.stringMatching(/^UssdFunction[0-9A-F]{8}$/),
        expect.stringMatching(/^WebChatHandler[0-9A-F]{8}$/),
      ]);
      for (const fn of withKeyArn) {
        const variables = fn.resource.Properties?.Environment?.Variables;
        expect(variables.IDENTITY_HASHER).toBe('kms');
        expect(isHmacKey(app.referenced(fn.stack, variables.IDENTITY_HASH_KEY_ARN))).toBe(true);
      }
    });

    it('scopes Connect API calls made at deploy time to the resources they configure', () => {
      for (const { resource } of app.resources('AWS::IAM::Policy')) {
        for (const statement of resource.Properties?.PolicyDocument.Statement ?? []) {
          if (actionsOf(statement).some((action) => action.startsWith('connect:'))) {
            expect([statement.Resource].flat()).not.toContain('*');
          }
        }
      }
    });
  });

  describe('no public access', () => {
    const allows = (document: Record<string, Json> | undefined) =>
      (document?.Statement ?? []).filter(
        (statement: Record<string, Json>) => statement.Effect === 'Allow',
      );
    const isEveryone = (principal: unknown) =>
      principal === '*' ||
      (typeof principal === 'object' &&
        principal !== null &&
        [Object.values(principal)].flat(2).includes('*'));
    const policies: [string, (resource: Located) => Record<string, Json> | undefined][] = [
      ['AWS::S3::BucketPolicy', ({ resource }) => resource.Properties?.PolicyDocument],
      ['AWS::KMS::Key', ({ resource }) => resource.Properties?.KeyPolicy],
      ['AWS::SQS::QueuePolicy', ({ resource }) => resource.Properties?.PolicyDocument],
      ['AWS::SNS::TopicPolicy', ({ resource }) => resource.Properties?.PolicyDocument],
      ['AWS::Kinesis::ResourcePolicy', ({ resource }) => resource.Properties?.ResourcePolicy],
      ['AWS::IAM::Role', ({ resource }) => resource.Properties?.AssumeRolePolicyDocument],
    ];

    it.each(policies)(
      'allows no one-for-everyone principal without conditions in %s',
      (type, document) => {
        for (const located of app.resources(type)) {
          for (const statement of allows(document(located))) {
            if (isEveryone(statement.Principal)) expect(statement.Condition).toBeDefined();
          }
        }
      },
    );

    it('lets no one invoke a function without naming the source', () => {
      for (const { resource } of app.resources('AWS::Lambda::Permission')) {
        expect(resource.Properties?.Principal).not.toBe('*');
        expect(resource.Properties?.SourceArn ?? resource.Properties?.SourceAccount).toBeDefined();
      }
    });

    it('blocks public access on every bucket and grants no public ACL', () => {
      for (const { resource } of app.resources('AWS::S3::Bucket')) {
        expect(resource.Properties?.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
        expect(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']).not.toContain(
          resource.Properties?.AccessControl,
        );
      }
    });

    it('denies plain-HTTP access to every bucket', () => {
      const buckets = app.resources('AWS::S3::Bucket');
      const secured = app
        .resources('AWS::S3::BucketPolicy')
        .filter(({ resource }) =>
          (resource.Properties?.PolicyDocument.Statement ?? []).some(
            (statement: Record<string, Json>) =>
              statement.Effect === 'Deny' &&
              statement.Condition?.Bool?.['aws:SecureTransport'] === 'false',
          ),
        );
      expect(secured).toHaveLength(buckets.length);
    });
  });
});
