import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../errors.ts';
import { type Projection, projectionOf } from './client.ts';
import {
  type Article,
  type ArticleHead,
  ArticleHeadSchema,
  type ArticleVersion,
  ArticleVersionSchema,
  LANGUAGES,
  type Language,
  type PublishedArticle,
  PublishedArticleSchema,
  type PublishedSummary,
  PublishedSummaryItemSchema,
  publishedSummaryOf,
} from './knowledge.model.ts';
import { createKnowledgeIndexRepository } from './knowledge-index.repository.ts';
import { domainFields } from './tables.ts';
import { type TransactItems, TransactionConditionFailedError, transactWrite } from './transact.ts';

export {
  INDEX_CHUNK_BYTES,
  IndexChangedError,
  type IndexPointer,
  IndexPointerSchema,
} from './knowledge-index.repository.ts';

const PUBLISHED_PARTITION = 'KNOWLEDGE#PUBLISHED';

/** What getPublishedSummary reads of a published article, per language. */
const SUMMARY_PROJECTIONS = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    projectionOf([
      'article.id',
      'article.serviceId',
      'article.reviewBy',
      `article.${lang}.title`,
      `article.${lang}.summary`,
    ]),
  ]),
) as Record<Language, Projection>;

const keys = {
  head: (id: string) => ({ pk: `ARTICLE#${id}`, sk: 'HEAD' }),
  version: (id: string, version: number) => ({
    pk: `ARTICLE#${id}`,
    sk: `V#${String(version).padStart(6, '0')}`,
  }),
  published: (id: string) => ({ pk: `ARTICLE#${id}`, sk: 'PUBLISHED' }),
  publishedListing: (id: string) => ({ gsi1pk: PUBLISHED_PARTITION, gsi1sk: `ARTICLE#${id}` }),
};

/**
 * Knowledge articles in the service-data table: a head per article (latest and published
 * version, who edited since publication), every version as its own immutable item, the
 * published article (listed in gsi1 for the index build), and the serialized search index in
 * chunks behind a pointer. Reads by key and query only.
 */
export const createKnowledgeRepository = (client: DynamoDBDocumentClient, tableName: string) => {
  const get = async (key: { pk: string; sk: string }) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true })))
      .Item;

  const queryAll = async (input: Omit<QueryCommandInput, 'TableName'>) => {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  };

  const versionItem = (version: ArticleVersion) => ({
    ...keys.version(version.id, version.version),
    entity: 'ARTICLE_VERSION',
    ...version,
  });

  /** Puts an item whose key must be new (an article's head, a version). */
  const putNew = (item: Record<string, unknown>) => ({
    Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
  });

  /** Writes the items together; a condition that fails is the CONFLICT `reason`. */
  const writeOrConflict = async (items: TransactItems, message: string, reason: string) => {
    try {
      await transactWrite(client, items);
    } catch (error) {
      if (error instanceof TransactionConditionFailedError)
        throw new ConflictError(message, { details: { reason } });
      throw error;
    }
  };

  return {
    async getHead(id: string): Promise<ArticleHead | undefined> {
      const item = await get(keys.head(id));
      return item && ArticleHeadSchema.parse(domainFields(item));
    },

    async getVersion(id: string, version: number): Promise<ArticleVersion | undefined> {
      const item = await get(keys.version(id, version));
      return item && ArticleVersionSchema.parse(domainFields(item));
    },

    /** Every version of an article, oldest first. */
    async listVersions(id: string): Promise<ArticleVersion[]> {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': keys.head(id).pk, ':v': 'V#' },
      });
      return items.map((item) => ArticleVersionSchema.parse(domainFields(item)));
    },

    async getPublished(id: string): Promise<PublishedArticle | undefined> {
      const item = (
        await client.send(new GetCommand({ TableName: tableName, Key: keys.published(id) }))
      ).Item;
      return item && PublishedArticleSchema.parse(domainFields(item));
    },

    /**
     * The published article's title and summary in `lang` and its review date, read alone
     * (a projection: not the whole two-language article).
     */
    async getPublishedSummary(id: string, lang: Language): Promise<PublishedSummary | undefined> {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.published(id),
          ...SUMMARY_PROJECTIONS[lang],
        }),
      );
      return Item && publishedSummaryOf(PublishedSummaryItemSchema.parse(Item).article, lang);
    },

    /** Every published article (gsi1): what the search index is built from. */
    async listPublished(): Promise<PublishedArticle[]> {
      const items = await queryAll({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :published',
        ExpressionAttributeValues: { ':published': PUBLISHED_PARTITION },
      });
      return items.map((item) => PublishedArticleSchema.parse(domainFields(item)));
    },

    /** A new article's first version, as a draft; CONFLICT when the id is taken. */
    async create(version: ArticleVersion): Promise<void> {
      const head: ArticleHead = {
        id: version.id,
        agencyId: version.article.agencyId,
        latestVersion: version.version,
        draftAuthors: [version.author],
        updatedAt: version.at,
        updatedBy: version.author,
      };
      await writeOrConflict(
        [
          putNew({ ...keys.head(version.id), entity: 'ARTICLE_HEAD', ...head }),
          putNew(versionItem(version)),
        ],
        `Article ${version.id} exists`,
        'ARTICLE_EXISTS',
      );
    },

    /**
     * The next version on top of `expectedVersion` (what the editor read); CONFLICT when someone
     * saved another version meanwhile.
     */
    async addVersion(version: ArticleVersion, expectedVersion: number): Promise<void> {
      await writeOrConflict(
        [
          {
            Update: {
              TableName: tableName,
              Key: keys.head(version.id),
              UpdateExpression:
                'SET latestVersion = :next, agencyId = :agency, updatedAt = :at, updatedBy = :by, ' +
                'draftAuthors = list_append(if_not_exists(draftAuthors, :none), :author)',
              ConditionExpression: 'latestVersion = :expected',
              ExpressionAttributeValues: {
                ':next': version.version,
                ':agency': version.article.agencyId,
                ':at': version.at,
                ':by': version.author,
                ':none': [],
                ':author': [version.author],
                ':expected': expectedVersion,
              },
            },
          },
          putNew(versionItem(version)),
        ],
        `Article ${version.id} changed since version ${expectedVersion}`,
        'STALE_VERSION',
      );
    },

    /**
     * Publishes `version` (the latest) of an article: CONFLICT when a newer version was saved
     * meanwhile or the publisher wrote part of the draft.
     */
    async publish(
      version: ArticleVersion,
      { publishedBy, publishedAt }: { publishedBy: string; publishedAt: string },
    ): Promise<PublishedArticle> {
      const published: PublishedArticle = {
        article: version.article,
        version: version.version,
        publishedBy,
        publishedAt,
      };
      await writeOrConflict(
        [
          {
            Update: {
              TableName: tableName,
              Key: keys.head(version.id),
              UpdateExpression:
                'SET publishedVersion = :version, draftAuthors = :none, updatedAt = :at, updatedBy = :by',
              ConditionExpression:
                'latestVersion = :version AND NOT contains(draftAuthors, :by) AND ' +
                '(attribute_not_exists(publishedVersion) OR publishedVersion < :version)',
              ExpressionAttributeValues: {
                ':version': version.version,
                ':none': [],
                ':at': publishedAt,
                ':by': publishedBy,
              },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: keys.version(version.id, version.version),
              UpdateExpression: 'SET publishedBy = :by, publishedAt = :at',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':by': publishedBy, ':at': publishedAt },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.published(version.id),
                ...keys.publishedListing(version.id),
                entity: 'ARTICLE_PUBLISHED',
                ...published,
              },
            },
          },
        ],
        `Version ${version.version} of ${version.id} cannot be published`,
        'NOT_PUBLISHABLE',
      );
      return published;
    },

    /** Loads an article as published version 1 (the seed; overwrites what was there). */
    ...createKnowledgeIndexRepository(client, tableName),

    async seedPublished(article: Article, at: string, by = 'seed'): Promise<void> {
      const version: ArticleVersion = {
        id: article.id,
        version: 1,
        article,
        author: by,
        at,
        changes: ['created'],
        note: 'Loaded from data/knowledge',
        publishedBy: by,
        publishedAt: at,
      };
      const head: ArticleHead = {
        id: article.id,
        agencyId: article.agencyId,
        latestVersion: 1,
        publishedVersion: 1,
        draftAuthors: [],
        updatedAt: at,
        updatedBy: by,
      };
      const published: PublishedArticle = { article, version: 1, publishedBy: by, publishedAt: at };
      await transactWrite(client, [
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.head(article.id), entity: 'ARTICLE_HEAD', ...head },
          },
        },
        { Put: { TableName: tableName, Item: versionItem(version) } },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.published(article.id),
              ...keys.publishedListing(article.id),
              entity: 'ARTICLE_PUBLISHED',
              ...published,
            },
          },
        },
      ]);
    },
  };
};

export type KnowledgeRepository = ReturnType<typeof createKnowledgeRepository>;
