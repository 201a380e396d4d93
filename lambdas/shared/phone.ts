import validation from '#data/kenya-validation.json' with { type: 'json' };

const NATIONAL_MOBILE = new RegExp(validation.phone.nationalMobileInput);
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A calling number in E.164: Kenyan mobiles in any local form (0712…, 712…, 254712…,
 * +254712…, and the 01xx range) become +2547…/+2541…; other E.164 numbers (diaspora
 * callers) pass through; anything else (withheld, short codes) is undefined.
 */
export const toE164 = (raw: string | null | undefined): string | undefined => {
  if (!raw) return undefined;
  const compact = raw.replace(/[\s()-]/g, '');
  const kenyan = NATIONAL_MOBILE.exec(compact);
  if (kenyan) return `+254${kenyan[1]}`;
  return E164.test(compact) ? compact : undefined;
};

/** The last digits of a phone number, safe to speak or log ("ending 5678"). */
export const phoneSuffix = (e164: string, digits = 3): string => e164.slice(-digits);
