/**
 * The single definition of every DynamoDB table: keys, indexes, TTL and streams.
 * CDK (lib/constructs/data-tables.ts) and the local bootstrap (local/dynamodb/tables.ts)
 * both build their tables from this module, so the deployed and local layouts cannot drift.
 * Only repositories know how key values are composed.
 */
export type KeyType = 'S' | 'N';

export interface KeyAttribute {
  readonly name: string;
  readonly type: KeyType;
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
}

export interface TableDefinition {
  /** Stable logical id: the CDK construct id and the local table name suffix. */
  readonly id: 'ServiceData' | 'Tickets' | 'CallLogs';
  /** Environment variable through which a function receives the table's name. */
  readonly environmentVariable: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  readonly timeToLiveAttribute?: string;
  /** DynamoDB stream view type, when something consumes the table's changes. */
  readonly stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
}

const pk: KeyAttribute = { name: 'pk', type: 'S' };
const sk: KeyAttribute = { name: 'sk', type: 'S' };
const gsi1: IndexDefinition = {
  indexName: 'gsi1',
  partitionKey: { name: 'gsi1pk', type: 'S' },
  sortKey: { name: 'gsi1sk', type: 'S' },
};
const gsi2: IndexDefinition = {
  indexName: 'gsi2',
  partitionKey: { name: 'gsi2pk', type: 'S' },
  sortKey: { name: 'gsi2sk', type: 'S' },
};

/**
 * The complaint SLA index of the Tickets table: complaints whose clock runs in one partition,
 * the others bucketed by due day, each sorted by due time (keys in ticket-keys.ts). Its reads
 * cost the same whatever the number of agencies.
 */
const gsi3: IndexDefinition = {
  indexName: 'gsi3',
  partitionKey: { name: 'gsi3pk', type: 'S' },
  sortKey: { name: 'gsi3sk', type: 'S' },
};

/**
 * Attributes that place an item in a table's layout (keys, index keys, item type): never domain
 * fields, so repositories drop them before parsing an item ({@link domainFields}).
 */
export const LAYOUT_ATTRIBUTES: readonly string[] = [
  pk.name,
  sk.name,
  ...[gsi1, gsi2, gsi3].flatMap((index) =>
    [index.partitionKey.name, index.sortKey?.name ?? []].flat(),
  ),
  'entity',
];

const LAYOUT_ATTRIBUTE_SET: ReadonlySet<string> = new Set(LAYOUT_ATTRIBUTES);

/**
 * An item's domain fields: no layout attributes (nor those in `also`), no absent optionals.
 * A plain loop: every item a repository reads passes here (60 per agent's day in a report).
 */
export const domainFields = <T extends object>(item: T, also: readonly string[] = []): T => {
  const fields: Record<string, unknown> = {};
  for (const name in item) {
    const value = item[name];
    if (value !== undefined && !LAYOUT_ATTRIBUTE_SET.has(name) && !also.includes(name))
      fields[name] = value;
  }
  return fields as T;
};

/** Catalogue and citizen records: centres, services, slots, bookings, applications, pensions. */
export const serviceDataTable: TableDefinition = {
  id: 'ServiceData',
  environmentVariable: 'SERVICE_DATA_TABLE_NAME',
  partitionKey: pk,
  sortKey: sk,
  globalSecondaryIndexes: [gsi1],
  // Verification-attempt counters and idempotency markers expire on their own.
  timeToLiveAttribute: 'expiresAt',
};

/** Complaints and service requests with their history. The stream starts escalations. */
export const ticketsTable: TableDefinition = {
  id: 'Tickets',
  environmentVariable: 'TICKETS_TABLE_NAME',
  partitionKey: pk,
  sortKey: sk,
  globalSecondaryIndexes: [gsi1, gsi2, gsi3],
  stream: 'NEW_AND_OLD_IMAGES',
};

/**
 * The Tickets partition of the escalation outbox: complaints whose escalation has not been
 * confirmed started. The starter and the sweeper may delete items here and nowhere else.
 */
export const ESCALATION_OUTBOX_PARTITION = 'ESCALATION#PENDING';
/** Resolutions whose first call-back request has not reached the dialer (which deletes here). */
export const CALLBACK_OUTBOX_PARTITION = 'CALLBACK#PENDING';
/** Closed tickets whose personal data the retention purge has yet to drop (the sweeper deletes here). */
export const RETENTION_DUE_PARTITION = 'RETENTION#DUE';

/** One item per contact, written from contact trace records; expires after the retention period. */
export const callLogsTable: TableDefinition = {
  id: 'CallLogs',
  environmentVariable: 'CALL_LOGS_TABLE_NAME',
  partitionKey: { name: 'contactId', type: 'S' },
  globalSecondaryIndexes: [gsi1, gsi2],
  timeToLiveAttribute: 'expiresAt',
};

export const tableDefinitions = [serviceDataTable, ticketsTable, callLogsTable] as const;
