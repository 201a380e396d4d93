import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import applicationsFile from '#data/demo/applications.json' with { type: 'json' };
import pensionersFile from '#data/demo/pensioners.json' with { type: 'json' };
import { createSearchIndex } from '#lambdas/knowledge/search-index.ts';
import {
  ApplicationSchema,
  createApplicationRepository,
} from '#shared/data/applications.repository.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import { createKnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import {
  createPensionRepository,
  PaymentSchema,
  PensionerSchema,
} from '#shared/data/pensions.repository.ts';
import { serviceDataTable } from '#shared/data/tables.ts';
import { localIdentityHasher } from '#shared/identity/identity-hasher.ts';
import * as z from '#shared/zod.ts';
import { localTableName } from './dynamodb/tables.ts';
import { LOCAL_IDENTITY_HASH_KEY } from './environment.ts';
import { loadArticleFiles } from './knowledge/article-files.ts';

const DemoPensionerSchema = z.extend(z.omit(PensionerSchema, { idNumberHash: true }), {
  idNumber: z.string().check(z.regex(/^\d{6,9}$/)),
  payments: z.array(PaymentSchema),
});

export interface SeedSummary {
  readonly catalogueItems: number;
  readonly applications: number;
  readonly pensioners: number;
  /** Knowledge articles published from data/knowledge/articles/ (and indexed). */
  readonly articles: number;
}

/**
 * Loads the catalogue from data/ and the demo records from data/demo/ (idempotent overwrites)
 * into the tables of `tablePrefix` (see localTableName).
 */
export const seed = async (
  client: DynamoDBDocumentClient,
  tablePrefix?: string,
): Promise<SeedSummary> => {
  const tableName = localTableName(serviceDataTable, tablePrefix);
  const catalogueItems = await createCatalogueRepository(client, tableName).load(catalogueFiles);

  const applications = z.array(ApplicationSchema).parse(applicationsFile.applications);
  const applicationRepository = createApplicationRepository(client, tableName);
  await Promise.all(applications.map((application) => applicationRepository.put(application)));

  const pensioners = z.array(DemoPensionerSchema).parse(pensionersFile.pensioners);
  const pensionRepository = createPensionRepository(client, tableName);
  // The local handlers' key, so demo callers prove themselves with the ID numbers in the file.
  const hasher = localIdentityHasher(LOCAL_IDENTITY_HASH_KEY);
  for (const { idNumber, payments, ...pensioner } of pensioners) {
    await pensionRepository.put(
      {
        ...pensioner,
        idNumberHash: await hasher.hash('pension', pensioner.pensionNumber, idNumber),
      },
      payments,
    );
  }
  // Knowledge articles as published version 1, then the search index built from them.
  const knowledge = createKnowledgeRepository(client, tableName);
  const articles = loadArticleFiles();
  const at = new Date().toISOString();
  for (const article of articles) await knowledge.seedPublished(article, at);
  await createSearchIndex({ repository: knowledge, now: () => new Date() }).rebuild();

  return {
    catalogueItems,
    applications: applications.length,
    pensioners: pensioners.length,
    articles: articles.length,
  };
};
