import { startLocalRuntime } from '#local/runtime.ts';

// Starting the runtime creates the tables and loads the catalogue and demo records.
const runtime = await startLocalRuntime({ dbPath: '.local/dynamodb' });
const { catalogueItems, applications, pensioners, articles } = runtime.seeded;
console.log(
  `Loaded ${catalogueItems} catalogue items, ${articles} knowledge articles (published and indexed), ${applications} demo applications and ${pensioners} pensioners into .local/dynamodb`,
);
await runtime.stop();
