import { randomInt } from 'node:crypto';
import type { Clock } from './clock.ts';
import type { Contact } from './contact.ts';
import {
  PROOF_CODE_SECONDS,
  type ProofCodeRepository,
  type ProofCodeScope,
  type SmsAllowanceRepository,
} from './data/proof-codes.repository.ts';
import { type IdentityHasher, sameHash } from './identity/identity-hasher.ts';
import type { FlowOutcome } from './middleware.ts';
import type { Notifier } from './notifications/notifier.ts';
import type { Language } from './speech/render.ts';

export const PROOF_CODE_LENGTH = 6;

/** Where a code goes: the number on the record, never a number the caller keys now. */
export interface CodeRequest {
  readonly contactId: string;
  readonly scope: ProofCodeScope;
  readonly recordId: string;
  readonly to: string;
  readonly lang: Language;
}

/**
 * One-time codes by SMS to the number on a record: the proof a caller gives when caller ID
 * (which can be spoofed) is only a hint. A code is six random digits, kept only as a keyed
 * hash for five minutes, bound to the contact and the record, and proves once; the guesses at
 * it are counted by the proof guard like every other proof. Each SMS takes one message from the
 * destination's allowance (SMS_POLICY).
 */
export const createProofCodes = ({
  codes,
  allowance,
  notifier,
  hasher,
  clock,
}: {
  readonly codes: ProofCodeRepository;
  readonly allowance: SmsAllowanceRepository;
  readonly notifier: Notifier;
  readonly hasher: IdentityHasher;
  readonly clock: Clock;
}) => {
  const hashOf = (contactId: string, scope: ProofCodeScope, recordId: string, code: string) =>
    hasher.hash('code', contactId, scope, recordId, code);

  return {
    /** Sends a new code (replacing a pending one): `RATE_LIMITED` when the number has had its SMS. */
    async send({
      contactId,
      scope,
      recordId,
      to,
      lang,
    }: CodeRequest): Promise<'SENT' | 'RATE_LIMITED'> {
      const now = clock();
      if ((await allowance.take(to, now)) === 'RATE_LIMITED') return 'RATE_LIMITED';
      const code = String(randomInt(0, 10 ** PROOF_CODE_LENGTH)).padStart(PROOF_CODE_LENGTH, '0');
      const codeHash = await hashOf(contactId, scope, recordId, code);
      await codes.put(contactId, scope, {
        recordId,
        codeHash,
        expiresAt: Math.floor(now.getTime() / 1000) + PROOF_CODE_SECONDS,
      });
      await notifier.notify({
        id: `proof-code#${contactId}#${scope}#${codeHash.slice(0, 16)}`,
        channel: 'sms',
        to,
        lang,
        prompt: 'caller.sms.code',
        vars: { code, minutes: PROOF_CODE_SECONDS / 60 },
      });
      return 'SENT';
    },

    /** The record the contact's pending code is for, if one is pending. */
    async pendingRecord(contactId: string, scope: ProofCodeScope): Promise<string | undefined> {
      return (await codes.get(contactId, scope, clock()))?.recordId;
    },

    /** Whether `code` is the contact's pending code for the record; a matching code is used up. */
    async redeem(
      contactId: string,
      scope: ProofCodeScope,
      recordId: string,
      code: string,
    ): Promise<boolean> {
      const [pending, offered] = await Promise.all([
        codes.get(contactId, scope, clock()),
        hashOf(contactId, scope, recordId, code),
      ]);
      const matches =
        pending !== undefined &&
        pending.recordId === recordId &&
        sameHash(pending.codeHash, offered);
      if (matches) await codes.remove(contactId, scope);
      return matches;
    },
  };
};

export type ProofCodes = ReturnType<typeof createProofCodes>;

/**
 * A code request's answer: the code sent to the number on the record, if one was found, and
 * CODE_SENT with `prompt` either way (and whether or not that number has had its SMS for the
 * day), so a reference cannot be probed.
 */
export const sendCodeAlike = async (
  codes: ProofCodes,
  { contactId }: Contact,
  lang: Language,
  prompt: string,
  record: Omit<CodeRequest, 'contactId' | 'lang'> | undefined,
): Promise<FlowOutcome> => {
  if (record) await codes.send({ ...record, contactId, lang });
  return { outcome: 'CODE_SENT', speech: { prompt } };
};
