import { LOCAL_INSTANCE_ARN } from '#local/arns.ts';
import { evaluate } from '#local/iam/evaluator.ts';
import { iamRequestsFor } from '#local/iam/requests.ts';
import { buildPolicyModel, queueUrl } from '#local/iam/template-model.ts';

const ACCOUNT = '000000000000';
const REGION = 'af-south-1';
const arn = (service: string, resource: string) =>
  `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** Two stacks shaped as CDK synthesizes ours: tables exported by one, imported by the other. */
const data = {
  stackName: 'Data',
  template: {
    Resources: {
      DataTickets1: {
        Type: 'AWS::DynamoDB::GlobalTable',
        Properties: {
          Replicas: [
            { SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': ['DataKey1', 'Arn'] } } },
          ],
        },
        Metadata: { 'aws:cdk:path': 'Data/Data/Tickets/Resource' },
      },
      DataKey1: { Type: 'AWS::KMS::Key' },
      Instance1: { Type: 'AWS::Connect::Instance' },
    },
    Outputs: {
      TicketsArn: {
        Value: { 'Fn::GetAtt': ['DataTickets1', 'Arn'] },
        Export: { Name: 'Data:TicketsArn' },
      },
      KeyArn: { Value: { 'Fn::GetAtt': ['DataKey1', 'Arn'] }, Export: { Name: 'Data:Key' } },
      TicketsName: { Value: { Ref: 'DataTickets1' }, Export: { Name: 'Data:TicketsName' } },
      InstanceArn: {
        Value: { 'Fn::GetAtt': ['Instance1', 'Arn'] },
        Export: { Name: 'Data:Instance' },
      },
    },
  },
};

const tickets = { 'Fn::ImportValue': 'Data:TicketsArn' };
const app = {
  stackName: 'App',
  template: {
    Resources: {
      StartRole1: { Type: 'AWS::IAM::Role' },
      Start1: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Role: { 'Fn::GetAtt': ['StartRole1', 'Arn'] },
          Environment: {
            Variables: {
              POWERTOOLS_SERVICE_NAME: 'huduma-escalation-start',
              TICKETS_TABLE_NAME: { 'Fn::ImportValue': 'Data:TicketsName' },
              CALLBACK_QUEUE_URL: { Ref: 'Queue1' },
              OUTBOUND_FLOW_ID: {
                'Fn::Select': [
                  3,
                  { 'Fn::Split': ['/', { 'Fn::GetAtt': ['Flow1', 'ContactFlowArn'] }] },
                ],
              },
            },
          },
        },
      },
      Other1: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Role: { 'Fn::GetAtt': ['OtherRole1', 'Arn'] },
          Environment: { Variables: {} },
        },
      },
      Queue1: {
        Type: 'AWS::SQS::Queue',
        Properties: { KmsMasterKeyId: { 'Fn::GetAtt': ['QueueKey1', 'Arn'] } },
      },
      QueueKey1: { Type: 'AWS::KMS::Key' },
      Machine1: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { StateMachineName: 'escalation' },
      },
      Flow1: {
        Type: 'AWS::Connect::ContactFlow',
        Properties: { InstanceArn: { 'Fn::ImportValue': 'Data:Instance' } },
      },
      StartPolicy1: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          Roles: [{ Ref: 'StartRole1' }],
          PolicyDocument: {
            Statement: [
              {
                Effect: 'Allow',
                Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
                Resource: [tickets, { 'Fn::Join': ['', [tickets, '/index/gsi1']] }],
              },
              {
                Effect: 'Allow',
                Action: 'dynamodb:DeleteItem',
                Resource: tickets,
                Condition: {
                  'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['ESCALATION#PENDING'] },
                },
              },
              {
                Effect: 'Allow',
                Action: 'kms:Decrypt',
                Resource: { 'Fn::ImportValue': 'Data:Key' },
              },
              { Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: 'Machine1' } },
              {
                Effect: 'Allow',
                Action: 'sqs:SendMessage',
                Resource: {
                  'Fn::Sub': [
                    'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Name}',
                    { Name: { 'Fn::GetAtt': ['Queue1', 'QueueName'] } },
                  ],
                },
              },
              {
                Effect: 'Allow',
                Action: 'kms:GenerateDataKey',
                Resource: { 'Fn::GetAtt': ['QueueKey1', 'Arn'] },
              },
            ],
          },
        },
      },
    },
  },
};

const model = buildPolicyModel([data, app], { account: ACCOUNT, region: REGION });
const start = model.functions['escalation-start']!;
const allowed = (call: Parameters<typeof iamRequestsFor>[1]) =>
  iamRequestsFor(model, call).map((request) => [
    request.action,
    evaluate(start.statements, request).effect,
  ]);

describe('policy model from synthesized templates', () => {
  it('maps each platform function by its handler to its role statements, intrinsics resolved', () => {
    expect(Object.keys(model.functions)).toEqual(['escalation-start']);
    expect(start.roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/StartRole1`);
    expect(start.statements[0]?.Resource).toEqual([
      arn('dynamodb', 'table/DataTickets1'),
      arn('dynamodb', 'table/DataTickets1/index/gsi1'),
    ]);
    expect(start.statements[3]?.Resource).toBe(arn('states', 'stateMachine:escalation'));
    expect(start.statements[4]?.Resource).toBe(arn('sqs', 'Queue1'));
    expect(start.environment).toMatchObject({
      TICKETS_TABLE_NAME: 'DataTickets1',
      CALLBACK_QUEUE_URL: queueUrl(REGION, ACCOUNT, 'Queue1'),
      OUTBOUND_FLOW_ID: 'Flow1',
    });
    expect(model.tables.Tickets).toEqual({
      arn: arn('dynamodb', 'table/DataTickets1'),
      keyArn: arn('kms', 'key/DataKey1'),
    });
    expect(model.queueKeys[arn('sqs', 'Queue1')]).toBe(arn('kms', 'key/QueueKey1'));
    expect(model.unresolved).toEqual([]);
  });

  it('records what it cannot resolve, so it matches nothing', () => {
    const odd = buildPolicyModel(
      [
        {
          stackName: 'S',
          template: {
            Resources: {
              R: {
                Type: 'AWS::IAM::Policy',
                Properties: {
                  Roles: [],
                  PolicyDocument: { Statement: [{ Resource: { 'Fn::If': ['c', 'a', 'b'] } }] },
                },
              },
            },
          },
        },
      ],
      { account: ACCOUNT, region: REGION },
    );
    expect(odd.functions).toEqual({});
    const unresolvedFunction = buildPolicyModel(
      [
        {
          stackName: 'S',
          template: {
            Resources: {
              R: { Type: 'AWS::IAM::Role' },
              F: {
                Type: 'AWS::Lambda::Function',
                Properties: {
                  Role: { 'Fn::GetAtt': ['R', 'Arn'] },
                  Environment: {
                    Variables: {
                      POWERTOOLS_SERVICE_NAME: 'huduma-x',
                      Q: { 'Fn::ImportValue': 'nowhere' },
                    },
                  },
                },
              },
            },
          },
        },
      ],
      { account: ACCOUNT, region: REGION },
    );
    expect(unresolvedFunction.functions.x?.environment.Q).toMatch(/^unresolved:/);
    expect(unresolvedFunction.unresolved).toEqual(['{"Fn::ImportValue":"nowhere"}']);
  });
});

describe('AWS calls as IAM requests', () => {
  const key = { pk: { S: 'TICKET#12345678' }, sk: { S: 'META' } };

  it('asks for the item action on the table, with the leading key and the table key', () => {
    expect(
      allowed({
        service: 'dynamodb',
        operation: 'GetItem',
        input: { TableName: 'huduma-tickets', Key: key },
      }),
    ).toEqual([
      ['dynamodb:GetItem', 'Allow'],
      ['kms:Decrypt', 'Allow'],
    ]);
    expect(
      iamRequestsFor(model, {
        service: 'dynamodb',
        operation: 'PutItem',
        input: { TableName: 'huduma-tickets', Item: key },
      })[0]?.context,
    ).toEqual({ 'dynamodb:LeadingKeys': ['TICKET#12345678'] });
  });

  it('queries an index by its ARN, the leading key read from the key condition', () => {
    const [request] = iamRequestsFor(model, {
      service: 'dynamodb',
      operation: 'Query',
      input: {
        TableName: 'huduma-tickets',
        IndexName: 'gsi1',
        KeyConditionExpression: '#p = :p AND begins_with(gsi1sk, :s)',
        ExpressionAttributeNames: { '#p': 'gsi1pk' },
        ExpressionAttributeValues: { ':p': { S: 'AGENCY#x' }, ':s': { S: 'OPEN' } },
      },
    });
    expect(request).toEqual({
      action: 'dynamodb:Query',
      resource: arn('dynamodb', 'table/DataTickets1/index/gsi1'),
      context: { 'dynamodb:LeadingKeys': ['AGENCY#x'] },
    });
    expect(evaluate(start.statements, request!).effect).toBe('Allow');
  });

  it('checks each item of a transaction as its own action, and DeleteItem by leading key', () => {
    const transaction = (pk: string) => ({
      service: 'dynamodb',
      operation: 'TransactWriteItems',
      input: {
        TransactItems: [
          { Put: { TableName: 'huduma-tickets', Item: key } },
          { Delete: { TableName: 'huduma-tickets', Key: { pk: { S: pk }, sk: { S: 'x' } } } },
          { ConditionCheck: { TableName: 'huduma-tickets', Key: key } },
        ],
      },
    });
    expect(allowed(transaction('ESCALATION#PENDING'))).toEqual([
      ['dynamodb:PutItem', 'Allow'],
      ['kms:Decrypt', 'Allow'],
      ['dynamodb:DeleteItem', 'Allow'],
      ['kms:Decrypt', 'Allow'],
      ['dynamodb:ConditionCheckItem', 'ImplicitDeny'],
      ['kms:Decrypt', 'Allow'],
    ]);
    expect(allowed(transaction('TICKET#12345678'))[2]).toEqual([
      'dynamodb:DeleteItem',
      'ImplicitDeny',
    ]);
  });

  it('maps batches per table with every leading key', () => {
    const [request] = iamRequestsFor(model, {
      service: 'dynamodb',
      operation: 'BatchWriteItem',
      input: {
        RequestItems: {
          'huduma-tickets': [
            { PutRequest: { Item: key } },
            { DeleteRequest: { Key: { pk: 'A' } } },
          ],
        },
      },
    });
    expect(request?.context).toEqual({ 'dynamodb:LeadingKeys': ['TICKET#12345678', 'A'] });
  });

  it('fails closed on a table no deployed table stands for', () => {
    expect(() =>
      iamRequestsFor(model, {
        service: 'dynamodb',
        operation: 'GetItem',
        input: { TableName: 'nope', Key: key },
      }),
    ).toThrow(/No deployed table stands for the local table nope/);
  });

  it('sends to an encrypted queue with the queue key, and starts executions by ARN', () => {
    expect(
      allowed({
        service: 'sqs',
        operation: 'SendMessage',
        input: { QueueUrl: start.environment.CALLBACK_QUEUE_URL },
      }),
    ).toEqual([
      ['sqs:SendMessage', 'Allow'],
      ['kms:GenerateDataKey', 'Allow'],
      ['kms:Decrypt', 'ImplicitDeny'],
    ]);
    expect(
      allowed({
        service: 'states',
        operation: 'StartExecution',
        input: { stateMachineArn: arn('states', 'stateMachine:escalation') },
      }),
    ).toEqual([['states:StartExecution', 'Allow']]);
  });

  it('places outbound calls on the contact, the flow and the queue', () => {
    expect(
      iamRequestsFor(model, {
        service: 'connect',
        operation: 'StartOutboundVoiceContact',
        input: { InstanceId: 'Instance1', ContactFlowId: 'Flow1', QueueId: 'Q' },
      }).map((request) => request.resource),
    ).toEqual([
      arn('connect', 'instance/Instance1/contact/*'),
      arn('connect', 'instance/Instance1/contact-flow/Flow1'),
      arn('connect', 'instance/Instance1/queue/Q'),
    ]);
  });

  it("checks a call on the local instance as a call on the deployed one (the SDK's local setting)", () => {
    expect(model.connectInstanceArn).toBe(arn('connect', 'instance/Instance1'));
    expect(
      iamRequestsFor(model, {
        service: 'connect',
        operation: 'GetContactAttributes',
        input: { InstanceId: LOCAL_INSTANCE_ARN, InitialContactId: 'c-1' },
      }),
    ).toEqual([
      {
        action: 'connect:GetContactAttributes',
        resource: arn('connect', 'instance/Instance1/contact/c-1'),
      },
    ]);
  });
});
