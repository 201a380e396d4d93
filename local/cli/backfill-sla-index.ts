import { startDynamoDbLocal } from '#local/dynamodb/launcher.ts';
import { createLocalTables, localDynamoDbClient, localTableName } from '#local/dynamodb/tables.ts';
import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import { createDocumentClient } from '#shared/data/client.ts';
import { backfillComplaintSlaKeys } from '#shared/data/complaint-sla-backfill.ts';
import { ticketsTable } from '#shared/data/tables.ts';
import { commandLine } from './arguments.ts';

const USAGE = `Gives complaints written before the complaint SLA index (gsi3) their index keys.

  npm run backfill:sla-index                      the local database (.local/dynamodb)
  npm run backfill:sla-index -- --table <name> [--region af-south-1]
                                                  a deployed Tickets table (your AWS credentials)

Idempotent: run it once after the deploy that adds the index; a second run updates nothing.`;

const { values } = commandLine(USAGE, {
  options: {
    table: { type: 'string' },
    region: { type: 'string', default: 'af-south-1' },
    db: { type: 'string', default: '.local/dynamodb' },
    help: { type: 'boolean', default: false },
  },
});
const agencyIds = catalogueFiles.agencies.map((agency) => agency.id);

if (values.help) {
  console.log(USAGE);
} else if (values.table) {
  const client = createDocumentClient({ region: values.region });
  console.log(await backfillComplaintSlaKeys(client, values.table, agencyIds));
} else {
  const dynamoDb = await startDynamoDbLocal({ dbPath: values.db });
  try {
    await createLocalTables(localDynamoDbClient(dynamoDb.endpoint));
    const client = createDocumentClient({ endpoint: dynamoDb.endpoint });
    console.log(await backfillComplaintSlaKeys(client, localTableName(ticketsTable), agencyIds));
  } finally {
    await dynamoDb.stop();
  }
}
