import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { localHandler } from '#local/handlers.ts';
import {
  asFunction,
  iamChecks,
  policyModel,
  takeDenials,
  usePolicyModel,
} from '#local/iam/guard.ts';
import { checkedDependencies } from '#local/iam/stand-ins.ts';
import type { PolicyModel } from '#local/iam/template-model.ts';
import { defaultLocalPlatform } from '#local/platform.ts';
import { ESCALATION_OUTBOX_PARTITION } from '#shared/data/tables.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { tableNames, uniqueCaller } from '../support/data.ts';

/** The synthesized model with one action taken out of one function's statements. */
const withoutAction = (model: PolicyModel, handler: string, action: string): PolicyModel => {
  const policy = model.functions[handler]!;
  return {
    ...model,
    functions: {
      ...model.functions,
      [handler]: {
        ...policy,
        statements: policy.statements.map((statement) =>
          statement.Action === undefined
            ? statement
            : { ...statement, Action: [statement.Action].flat().filter((name) => name !== action) },
        ),
      },
    },
  };
};

const lodgeComplaint = () =>
  localHandler('complaints')(
    connectEvent(
      { operation: 'create', categoryKey: '1', serviceKey: '3', lang: 'en' },
      { customerNumber: uniqueCaller() },
    ),
    lambdaContext('complaints'),
  );

const { dynamoDb } = defaultLocalPlatform().aws;

afterEach(() => usePolicyModel(undefined));

describe('IAM parity: local AWS calls checked against the synthesized roles', () => {
  it('checks every call a handler makes, and its role allows them', async () => {
    const before = { calls: iamChecks.calls, requests: iamChecks.requests };

    const result = await lodgeComplaint();

    expect(result).toMatchObject({ outcome: 'CREATED' });
    // The transaction (ticket, history, outbox, idempotency), the hash and the SMS at least.
    expect(iamChecks.calls - before.calls).toBeGreaterThanOrEqual(3);
    expect(iamChecks.requests - before.requests).toBeGreaterThan(iamChecks.calls - before.calls);
    expect(takeDenials()).toEqual([]);
  });

  it('fails a call the role does not allow with the SDK-shaped AccessDeniedException', async () => {
    usePolicyModel(withoutAction(policyModel(), 'complaints', 'dynamodb:PutItem'));

    const lodging = lodgeComplaint().then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );

    const outcome = await lodging;
    const denials = takeDenials();
    expect(denials).toContainEqual({
      handler: 'complaints',
      action: 'dynamodb:PutItem',
      resource: policyModel().tables.Tickets!.arn,
    });
    expect('error' in outcome ? outcome.error : outcome.result).not.toMatchObject({
      outcome: 'CREATED',
    });
  });

  it('throws AccessDeniedException as DynamoDB does: a client fault, HTTP 400, AWS’s message', async () => {
    const removeTicket = asFunction('escalation-start', () =>
      dynamoDb.send(
        new DeleteCommand({
          TableName: tableNames.tickets,
          Key: { pk: 'TICKET#00000000', sk: 'TICKET' },
        }),
      ),
    );

    await expect(removeTicket()).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message: expect.stringMatching(
        /^User: arn:aws:sts::000000000000:assumed-role\/ComplaintEscalationStartRole\w+\/huduma-escalation-start is not authorized to perform: dynamodb:DeleteItem on resource: arn:aws:dynamodb:af-south-1:000000000000:table\/DataTickets\w+ because no identity-based policy allows the dynamodb:DeleteItem action/,
      ),
    });
    expect(takeDenials()).toHaveLength(1);
  });

  it('lets the starter and the sweeper delete in the escalation outbox partition only', async () => {
    const key = { pk: ESCALATION_OUTBOX_PARTITION, sk: `2026-01-01T00:00:00.000Z#${Date.now()}` };
    await dynamoDb.send(new PutCommand({ TableName: tableNames.tickets, Item: key }));

    for (const handler of ['escalation-start', 'escalation-sweep']) {
      const clear = asFunction(handler, () =>
        dynamoDb.send(new DeleteCommand({ TableName: tableNames.tickets, Key: key })),
      );
      await expect(clear()).resolves.toBeDefined();
    }
    // Other functions on the same table may not delete there.
    const fromApi = asFunction('tickets-api', () =>
      dynamoDb.send(new DeleteCommand({ TableName: tableNames.tickets, Key: key })),
    );
    await expect(fromApi()).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(takeDenials()).toEqual([
      expect.objectContaining({ handler: 'tickets-api', action: 'dynamodb:DeleteItem' }),
    ]);
  });

  it('checks stand-ins as the calls they replace: a notification is sqs:SendMessage on the queue', async () => {
    // The survey function has no notifications queue: sending would fail in AWS.
    const notifier: Notifier = { notify: async () => {} };
    const { notifier: checked } = checkedDependencies({ notifier });
    const send = asFunction('survey', () =>
      checked.notify({
        id: 'x',
        channel: 'sms',
        to: '+254700000000',
        lang: 'en',
        prompt: 'p',
        vars: {},
      }),
    );

    await expect(send()).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('no NOTIFICATIONS_QUEUE_URL in its deployed environment'),
    });
    expect(takeDenials()).toHaveLength(1);
    const allowed = asFunction('complaints', () =>
      checked.notify({
        id: 'y',
        channel: 'sms',
        to: '+254700000000',
        lang: 'en',
        prompt: 'p',
        vars: {},
      }),
    );
    await expect(allowed()).resolves.toBeUndefined();
  });
});
