import holidays from '#data/kenya-public-holidays-2025-2027.json' with { type: 'json' };
import * as z from '#shared/zod.ts';
import { HolidaySchema } from './catalogue.repository.ts';

/**
 * Kenya's public holidays from data/, validated: on its own so that a handler that needs only
 * the holidays (the reports' working days) does not bundle the centres and services with them.
 */
export const publicHolidays = z.array(HolidaySchema).parse(holidays.holidays);
