import categoriesFile from '#data/complaint-categories.json' with { type: 'json' };
import keypadFile from '#data/complaint-keypad.json' with { type: 'json' };
import * as z from '#shared/zod.ts';

/** Complaint categories (data/complaint-categories.json), by id. */
export const COMPLAINT_CATEGORY_IDS: ReadonlySet<string> = new Set(
  categoriesFile.categories.map((category) => category.id),
);

export const ComplaintCategoryIdSchema = z
  .string()
  .check(
    z.refine((id) => COMPLAINT_CATEGORY_IDS.has(id), { message: 'Unknown complaint category' }),
  );

const Key = z.string().check(z.regex(/^\d$/));
const uniqueKeys = (entries: readonly { key: string }[]) =>
  new Set(entries.map((entry) => entry.key)).size === entries.length;

/** data/complaint-keypad.json: what each key means in the IVR's complaint menus. */
export const ComplaintKeypadSchema = z.object({
  categories: z
    .array(z.object({ key: Key, categoryId: ComplaintCategoryIdSchema }))
    .check(z.refine(uniqueKeys, { message: 'Duplicate category key' })),
  services: z
    .array(z.object({ key: Key, serviceId: z.nullable(z.string().check(z.minLength(1))) }))
    .check(z.refine(uniqueKeys, { message: 'Duplicate service key' })),
  /** Owner of complaints about no particular service. */
  defaultAgencyId: z.string().check(z.minLength(1)),
});

export const complaintKeypad = ComplaintKeypadSchema.parse(keypadFile);

/** The category a key stands for, or undefined when the key is not in the menu. */
export const categoryForKey = (key: string): string | undefined =>
  complaintKeypad.categories.find((entry) => entry.key === key)?.categoryId;

/** The menu entry for a key: a service id, null for "no particular service", undefined when not in the menu. */
export const serviceForKey = (key: string): string | null | undefined =>
  complaintKeypad.services.find((entry) => entry.key === key)?.serviceId;
