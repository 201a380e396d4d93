import * as z from 'zod';
import agencies from '#data/agencies.json' with { type: 'json' };
import counties from '#data/counties.json' with { type: 'json' };
import centres from '#data/huduma-centres.json' with { type: 'json' };
import services from '#data/huduma-services.json' with { type: 'json' };
import holidays from '#data/kenya-public-holidays-2025-2027.json' with { type: 'json' };
import {
  AgencySchema,
  CentreSchema,
  CountySchema,
  HolidaySchema,
  ServiceSchema,
} from './catalogue.repository.ts';

/** The catalogue files in data/, validated: what the seed loads and what CDK turns into hours overrides. */
export const catalogueFiles = {
  counties: z.array(CountySchema).parse(counties),
  centres: z.array(CentreSchema).parse(centres),
  services: z.array(ServiceSchema).parse(services),
  agencies: z.array(AgencySchema).parse(agencies),
  holidays: z.array(HolidaySchema).parse(holidays.holidays),
};
