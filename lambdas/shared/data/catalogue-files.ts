import agencies from '#data/agencies.json' with { type: 'json' };
import counties from '#data/counties.json' with { type: 'json' };
import centres from '#data/huduma-centres.json' with { type: 'json' };
import services from '#data/huduma-services.json' with { type: 'json' };
import * as z from '#shared/zod.ts';
import { AgencySchema, CentreSchema, CountySchema, ServiceSchema } from './catalogue.repository.ts';
import { publicHolidays } from './public-holidays.ts';

/** The catalogue files in data/, validated: what the seed loads and what CDK turns into hours overrides. */
export const catalogueFiles = {
  counties: z.array(CountySchema).parse(counties),
  centres: z.array(CentreSchema).parse(centres),
  services: z.array(ServiceSchema).parse(services),
  agencies: z.array(AgencySchema).parse(agencies),
  holidays: publicHolidays,
};
