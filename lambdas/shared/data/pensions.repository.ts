import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from '#shared/zod.ts';

export const PensionTypeSchema = z.enum(['service', 'survivor', 'disability', 'psss']);
export const ClaimStatusSchema = z.enum([
  'IN_PAYMENT',
  'PROCESSING',
  'AWAITING_DOCUMENTS',
  'SUSPENDED',
]);
export const LifeCertificateStatusSchema = z.enum(['VALID', 'DUE', 'OVERDUE']);

/** Digits a caller can key for a pension number (the digits of APN/PC…). */
export const PensionNumberSchema = z.string().check(z.regex(/^\d{6,10}$/));

/** A pensioner on the Pensions Department payroll. */
export const PensionerSchema = z.object({
  pensionNumber: PensionNumberSchema,
  /** Keyed hash of the ID number ('pension' purpose, IdentityHasher): checks a caller's proof, no ID number at rest. */
  idNumberHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  pensionType: PensionTypeSchema,
  claimStatus: ClaimStatusSchema,
  monthlyAmountKes: z.number().check(z.int(), z.nonnegative()),
  nextPaymentDate: z.optional(z.iso.date()),
  lifeCertificate: z.object({ status: LifeCertificateStatusSchema, dueDate: z.iso.date() }),
});
export type Pensioner = z.infer<typeof PensionerSchema>;

export const PaymentSchema = z.object({
  date: z.iso.date(),
  amountKes: z.number().check(z.int(), z.nonnegative()),
});
export type Payment = z.infer<typeof PaymentSchema>;

const pensionerKey = (pensionNumber: string) => ({
  pk: `PENSION#${pensionNumber}`,
  sk: 'PENSIONER',
});
const paymentKey = (pensionNumber: string, date: string) => ({
  pk: `PENSION#${pensionNumber}`,
  sk: `PAYMENT#${date}`,
});

/** Pensioners and their payments in the service-data table. */
export const createPensionRepository = (client: DynamoDBDocumentClient, tableName: string) => ({
  async get(pensionNumber: string): Promise<Pensioner | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: pensionerKey(pensionNumber) }),
    );
    return Item ? PensionerSchema.parse(Item) : undefined;
  },

  async lastPayment(pensionNumber: string): Promise<Payment | undefined> {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pension AND begins_with(sk, :payment)',
        ExpressionAttributeValues: {
          ':pension': `PENSION#${pensionNumber}`,
          ':payment': 'PAYMENT#',
        },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    return Items[0] ? PaymentSchema.parse(Items[0]) : undefined;
  },

  async put(pensioner: Pensioner, payments: Payment[] = []): Promise<void> {
    const item = PensionerSchema.parse(pensioner);
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...pensionerKey(item.pensionNumber), ...item },
      }),
    );
    for (const payment of payments) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...paymentKey(item.pensionNumber, payment.date),
            ...PaymentSchema.parse(payment),
          },
        }),
      );
    }
  },
});

export type PensionRepository = ReturnType<typeof createPensionRepository>;
