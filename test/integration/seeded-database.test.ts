import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startSeededDynamoDbLocal } from '#local/dynamodb/seeded.ts';
import { localTableName } from '#local/dynamodb/tables.ts';
import { localPlatform } from '#local/platform.ts';
import { seed } from '#local/seed.ts';
import { serviceDataTable } from '#shared/data/tables.ts';

const seedInto = (endpoint: string) =>
  seed(localPlatform({ dynamoDbEndpoint: endpoint }).aws.dynamoDb);

describe('the seeded database the CLIs start on', () => {
  it('seeds once per data/, and gives each start its own copy', async () => {
    // Prepare: whatever the cache holds, after this start it holds this data/'s database.
    const first = await startSeededDynamoDbLocal(seedInto);
    let seededAgain = false;
    const second = await startSeededDynamoDbLocal(async (endpoint) => {
      seededAgain = true;
      return seedInto(endpoint);
    });
    try {
      const [one, two] = [first, second].map(
        ({ dynamoDb }) => localPlatform({ dynamoDbEndpoint: dynamoDb.endpoint }).aws.dynamoDb,
      );
      const TableName = localTableName(serviceDataTable);
      const Key = { pk: 'SEEDED#COPY', sk: 'TEST' };
      await one!.send(new PutCommand({ TableName, Item: { ...Key, by: 'first' } }));

      // Assert: the second start seeded nothing, has the catalogue, and not the first's write.
      expect(seededAgain).toBe(false);
      expect(second.seeded).toEqual(first.seeded);
      expect(first.seeded.catalogueItems).toBeGreaterThan(0);
      const app = await two!.send(
        new GetCommand({ TableName, Key: { pk: 'APP#12345678', sk: 'APP' } }),
      );
      expect(app.Item).toBeDefined();
      expect((await two!.send(new GetCommand({ TableName, Key }))).Item).toBeUndefined();
    } finally {
      await first.dynamoDb.stop();
      await second.dynamoDb.stop();
    }
  }, 180_000);
});
