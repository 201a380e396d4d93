import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from '#shared/zod.ts';

export const ApplicationStatusSchema = z.enum([
  'RECEIVED',
  'IN_PROCESSING',
  'READY',
  'COLLECTED',
  'REJECTED',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export const RejectionReasonSchema = z.enum([
  'missing_documents',
  'details_mismatch',
  'payment_not_received',
  'biometrics_failed',
]);

/** A document application (ID card, certificate, passport…) as the issuing agency reports it. */
export const ApplicationSchema = z.object({
  applicationNumber: z.string().check(z.regex(/^\d{8}$/)),
  serviceId: z.string().check(z.minLength(1)),
  status: ApplicationStatusSchema,
  /** Centre where the document is, or will be, collected. */
  centreId: z.string().check(z.minLength(1)),
  /** Last four digits of the applicant's ID number: the proof a caller gives, and all we keep of it. */
  idNumberLast4: z.string().check(z.regex(/^\d{4}$/)),
  rejectionReason: z.optional(RejectionReasonSchema),
  /** Collection date (YYYY-MM-DD, Africa/Nairobi) once collected. */
  collectedOn: z.optional(z.iso.date()),
  updatedAt: z.iso.datetime(),
});
export type Application = z.infer<typeof ApplicationSchema>;

const key = (applicationNumber: string) => ({ pk: `APP#${applicationNumber}`, sk: 'APP' });

/** Document applications in the service-data table, read by application number. */
export const createApplicationRepository = (client: DynamoDBDocumentClient, tableName: string) => ({
  async get(applicationNumber: string): Promise<Application | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: key(applicationNumber) }),
    );
    return Item ? ApplicationSchema.parse(Item) : undefined;
  },

  async put(application: Application): Promise<void> {
    const item = ApplicationSchema.parse(application);
    await client.send(
      new PutCommand({ TableName: tableName, Item: { ...key(item.applicationNumber), ...item } }),
    );
  },
});

export type ApplicationRepository = ReturnType<typeof createApplicationRepository>;
