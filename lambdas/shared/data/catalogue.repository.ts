import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from '#shared/zod.ts';
import { domainFields } from './tables.ts';

const HoursWindow = z.string().check(z.regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/));

/** A county, by its number in the Constitution's First Schedule ("047" is Nairobi). */
export const CountySchema = z.object({
  code: z.string().check(z.regex(/^\d{3}$/)),
  name: z.string().check(z.minLength(1)),
});

/** A Huduma Centre as listed in data/huduma-centres.json. */
export const CentreSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  code: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  county: z.string().check(z.minLength(1)),
  countyCode: z.string().check(z.regex(/^\d{3}$/)),
  /** The caller picks a centre by keypad: county code, then this number. */
  numberInCounty: z.number().check(z.int(), z.positive()),
  town: z.string(),
  location: z.string(),
  extendedHours: z.boolean(),
  hours: z.looseObject({ weekday: HoursWindow, tz: z.string() }),
});

/** A service offered at Huduma Centres (data/huduma-services.json). */
export const ServiceSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  agency: z.string().check(z.minLength(1)),
  category: z.string().check(z.minLength(1)),
  trackable: z.boolean(),
  requirements: z.optional(z.array(z.string())),
  /** Centre ids where the desk exists; every centre when absent. */
  availableAt: z.optional(z.array(z.string())),
  spoken: z.object({ en: z.string().check(z.minLength(1)), sw: z.string().check(z.minLength(1)) }),
});

export const AgencySchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  services: z.optional(z.array(z.string())),
});

export const HolidaySchema = z.looseObject({
  date: z.iso.date(),
  name: z.string().check(z.minLength(1)),
  type: z.string(),
});

export type County = z.infer<typeof CountySchema>;
export type Centre = z.infer<typeof CentreSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type Holiday = z.infer<typeof HolidaySchema>;

/** Two-digit keypad form of a county code ("047" → "47"). */
export const keypadCountyCode = (code: string): string => code.slice(-2);

const keys = {
  county: (code: string) => ({ pk: `COUNTY#${keypadCountyCode(code)}`, sk: 'COUNTY' }),
  centre: (id: string) => ({ pk: `CENTRE#${id}`, sk: 'CENTRE' }),
  centreInCounty: (countyCode: string, number: number) => ({
    gsi1pk: `COUNTY#${keypadCountyCode(countyCode)}`,
    gsi1sk: `CENTRE#${String(number).padStart(2, '0')}`,
  }),
  service: (id: string) => ({ pk: `SERVICE#${id}`, sk: 'SERVICE' }),
  centreService: (centreId: string, serviceId: string) => ({
    pk: `CENTRE#${centreId}`,
    sk: `SERVICE#${serviceId}`,
  }),
  agency: (id: string) => ({ pk: `AGENCY#${id}`, sk: 'AGENCY' }),
  holiday: (date: string) => ({ pk: 'CALENDAR#KE', sk: `HOLIDAY#${date}` }),
};

/**
 * The catalogue (counties, centres, services, agencies, public holidays) in the service-data
 * table. Loaded from data/ by the seed; read by key on every request path.
 */
export const createCatalogueRepository = (client: DynamoDBDocumentClient, tableName: string) => {
  const get = async (key: { pk: string; sk: string }) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key }))).Item;

  return {
    async getCounty(keypadCode: string): Promise<County | undefined> {
      const item = await get({ pk: `COUNTY#${keypadCode}`, sk: 'COUNTY' });
      return item && CountySchema.parse(domainFields(item));
    },

    async getCentre(id: string): Promise<Centre | undefined> {
      const item = await get(keys.centre(id));
      return item && CentreSchema.parse(domainFields(item));
    },

    /** The centre a caller selects by keypad: county code, then its number in that county. */
    async findCentreByKeypad(
      keypadCountyCode: string,
      numberInCounty: number,
    ): Promise<Centre | undefined> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :county AND gsi1sk = :centre',
          ExpressionAttributeValues: {
            ':county': `COUNTY#${keypadCountyCode}`,
            ':centre': `CENTRE#${String(numberInCounty).padStart(2, '0')}`,
          },
        }),
      );
      return Items[0] && CentreSchema.parse(domainFields(Items[0]));
    },

    async listCentresInCounty(keypadCountyCode: string): Promise<Centre[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :county AND begins_with(gsi1sk, :centre)',
          ExpressionAttributeValues: {
            ':county': `COUNTY#${keypadCountyCode}`,
            ':centre': 'CENTRE#',
          },
        }),
      );
      return Items.map((item) => CentreSchema.parse(domainFields(item)));
    },

    async getService(id: string): Promise<Service | undefined> {
      const item = await get(keys.service(id));
      return item && ServiceSchema.parse(domainFields(item));
    },

    /** Service ids offered at a centre, in catalogue order. */
    async listCentreServiceIds(centreId: string): Promise<string[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :centre AND begins_with(sk, :service)',
          ExpressionAttributeValues: { ':centre': `CENTRE#${centreId}`, ':service': 'SERVICE#' },
        }),
      );
      return Items.sort((a, b) => a.position - b.position).map((item) => String(item.serviceId));
    },

    /** Whether a centre has a desk for a service (one GetItem). */
    async offersService(centreId: string, serviceId: string): Promise<boolean> {
      return (await get(keys.centreService(centreId, serviceId))) !== undefined;
    },

    async getAgency(id: string): Promise<Agency | undefined> {
      const item = await get(keys.agency(id));
      return item && AgencySchema.parse(domainFields(item));
    },

    /** Public holidays between two dates (inclusive, YYYY-MM-DD). */
    async listHolidays(from: string, to: string): Promise<Holiday[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :calendar AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':calendar': 'CALENDAR#KE',
            ':from': `HOLIDAY#${from}`,
            ':to': `HOLIDAY#${to}`,
          },
        }),
      );
      return Items.map((item) => HolidaySchema.parse(domainFields(item)));
    },

    /** Writes the whole catalogue (idempotent: every item is a full overwrite). */
    async load(catalogue: {
      counties: County[];
      centres: Centre[];
      services: Service[];
      agencies: Agency[];
      holidays: Holiday[];
    }): Promise<number> {
      const items = [
        ...catalogue.counties.map((county) => ({ ...keys.county(county.code), ...county })),
        ...catalogue.centres.map((centre) => ({
          ...keys.centre(centre.id),
          ...keys.centreInCounty(centre.countyCode, centre.numberInCounty),
          ...centre,
        })),
        ...catalogue.services.map((service) => ({ ...keys.service(service.id), ...service })),
        ...catalogue.centres.flatMap((centre) =>
          catalogue.services
            .filter((service) => !service.availableAt || service.availableAt.includes(centre.id))
            .map((service, position) => ({
              ...keys.centreService(centre.id, service.id),
              serviceId: service.id,
              position,
            })),
        ),
        ...catalogue.agencies.map((agency) => ({ ...keys.agency(agency.id), ...agency })),
        ...catalogue.holidays.map((holiday) => ({ ...keys.holiday(holiday.date), ...holiday })),
      ];
      for (let start = 0; start < items.length; start += 25) {
        let requests = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
        // BatchWrite may hand back throttled items; retry them until none remain.
        while (requests.length > 0) {
          const { UnprocessedItems } = await client.send(
            new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
          );
          requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
        }
      }
      return items.length;
    },
  };
};

export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
