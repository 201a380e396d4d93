/**
 * Contact attributes the data lake keeps: what the KPIs and IVR analysis read. Everything else
 * a flow sets (references, numbers keyed, names) stays out of the analysts' copy.
 */
export const LAKE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'lang',
  'journey',
  'selfService',
  'intent',
  'verified',
  'csat',
  'nps',
]);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Thrown for Firehose data that is not a JSON object: the record goes to the error prefix. */
export class NotAContactRecordError extends Error {
  constructor() {
    super('Firehose record is not a JSON object');
    this.name = 'NotAContactRecordError';
  }
}

/**
 * The contact trace record as the data lake keeps it (Data Protection Act: no more personal
 * data than the analysis needs): the caller's number removed (its type kept), contact
 * attributes reduced to {@link LAKE_ATTRIBUTES}. Everything else passes unchanged.
 */
export const redactContactRecord = (record: unknown): Json => {
  if (!isObject(record)) throw new NotAContactRecordError();
  const { CustomerEndpoint, Attributes, ...rest } = record;
  return {
    ...rest,
    ...(CustomerEndpoint !== undefined && {
      CustomerEndpoint: isObject(CustomerEndpoint) ? { Type: CustomerEndpoint.Type ?? null } : null,
    }),
    ...(Attributes !== undefined && {
      Attributes: isObject(Attributes)
        ? Object.fromEntries(
            Object.entries(Attributes).filter(([name]) => LAKE_ATTRIBUTES.has(name)),
          )
        : null,
    }),
  };
};
