/**
 * What the agent sees when a contact arrives, built from the contact's attributes (set by the
 * flows, see docs/flow-contracts.md) and the caller's number. Pure: no DOM, no Connect.
 */
export interface ScreenPop {
  /** The caller's number with all but the country code and last three digits hidden. */
  readonly caller: string;
  readonly language: string;
  readonly queue?: string;
  /** What the caller did in the IVR, one line per step, in order. */
  readonly journey: readonly string[];
  /** Further attributes worth showing, as label and value. */
  readonly details: readonly (readonly [string, string])[];
}

export interface ScreenPopInput {
  readonly callerNumber?: string;
  readonly queueName?: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

const LANGUAGES: Record<string, string> = { en: 'English', sw: 'Kiswahili' };

/** Labels of the journey steps' capabilities (each descriptor's `screenPop.label`: the registration test checks). */
export const CAPABILITIES: Record<string, string> = {
  tracking: 'Document tracking',
  appointments: 'Appointments',
  pensions: 'Pensions',
  complaints: 'Complaints',
  callback: 'Call-back request',
  survey: 'Survey',
  agent: 'Asked for an agent',
  knowledge: 'Service information',
};

/** Words for journey outcomes (a descriptor's `screenPop.outcomes`: the registration test checks). */
export const OUTCOMES: Record<string, string> = {
  FOUND: 'found',
  NOT_FOUND: 'not found',
  INVALID_INPUT: 'invalid input',
  VERIFICATION_FAILED: 'verification failed',
  LOCKED_OUT: 'locked out after failed verifications',
  FULL: 'no slot available',
  CONFLICT: 'conflict',
  BOOKED: 'booked',
  CANCELLED: 'cancelled',
  MOVED: 'moved',
  CREATED: 'created',
  ERROR: 'system error',
  NO_INPUT: 'no input',
  INFORMED: 'heard a summary',
  SMS_SENT: 'summary sent by SMS',
};

/** Attributes the screen pop renders itself, or that must never be shown (personal data). */
const HANDLED = new Set(['lang', 'journey', 'intent', 'reference', 'verified']);
const PERSONAL = /phone|msisdn|mobile|id_?number|national_?id|passport|pin|dob|birth|name/i;

const DETAIL_LABELS: Record<string, string> = {
  intent: 'Reason for calling',
  reference: 'Reference',
  verified: 'Identity verified',
};

/** Hides all but Kenya's country code and the last three digits: +254 ••• ••• 678. */
export const maskPhoneNumber = (number: string | undefined): string => {
  const compact = (number ?? '').replace(/[\s()-]/g, '');
  if (!/^\+?\d{6,15}$/.test(compact)) return 'Withheld';
  const prefix = compact.startsWith('+254') ? '+254 ' : compact.startsWith('+') ? '+' : '';
  const digits = compact.slice(prefix.trim().length);
  const masked = `${digits.slice(0, -3).replace(/\d/g, '•')}${digits.slice(-3)}`;
  // Group in threes from the right, so the visible digits stand together.
  const groups: string[] = [];
  for (let end = masked.length; end > 0; end -= 3)
    groups.unshift(masked.slice(Math.max(0, end - 3), end));
  return `${prefix}${groups.join(' ')}`;
};

const describeStep = (step: string): string => {
  const [capability = '', outcome] = step.split(':');
  const label = CAPABILITIES[capability] ?? capability;
  if (!outcome) return label;
  return `${label}: ${OUTCOMES[outcome] ?? outcome.toLowerCase().replaceAll('_', ' ')}`;
};

/** The screen pop for a contact. */
export const screenPop = ({ callerNumber, queueName, attributes }: ScreenPopInput): ScreenPop => {
  const value = (key: string) => attributes[key]?.trim() || undefined;
  const lang = value('lang');
  const journey = (value('journey') ?? '')
    .split(',')
    .map((step) => step.trim())
    .filter((step) => step.length > 0)
    .map(describeStep);
  const known = (['intent', 'reference', 'verified'] as const).flatMap((key) => {
    const raw = value(key);
    if (raw === undefined) return [];
    const shown =
      key === 'intent'
        ? describeStep(raw)
        : key === 'verified'
          ? raw === 'true'
            ? 'Yes'
            : 'No'
          : raw;
    return [[DETAIL_LABELS[key] ?? key, shown] as const];
  });
  const others = Object.entries(attributes)
    .filter(([key, raw]) => !HANDLED.has(key) && !PERSONAL.test(key) && raw?.trim())
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, raw]) => [key, String(raw).trim()] as const);
  return {
    caller: maskPhoneNumber(callerNumber),
    language: lang ? (LANGUAGES[lang] ?? lang) : 'Not chosen',
    ...(queueName && { queue: queueName }),
    journey: journey.length > 0 ? journey : ['No self-service steps recorded'],
    details: [...known, ...others],
  };
};
