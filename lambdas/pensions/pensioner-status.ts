import type { Contact } from '#shared/contact.ts';
import type { Pensioner, PensionRepository } from '#shared/data/pensions.repository.ts';
import type { VerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import { NotVerifiedError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { MAX_CLIPS, renderClips, type Speech } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';

/** Operations that read a verified pensioner's records: no parameters, the contact's proof is enough. */
export const ClaimStatusParametersSchema = z.object({ operation: z.literal('claim-status') });
export const LastPaymentParametersSchema = z.object({ operation: z.literal('last-payment') });
export const LifeCertificateParametersSchema = z.object({
  operation: z.literal('life-certificate'),
});

export interface PensionerStatusDependencies {
  readonly pensions: PensionRepository;
  readonly verifiedContacts: VerifiedContactRepository;
  readonly now: () => Date;
}

/** The pension number this contact proved it owns; NOT_VERIFIED when it has not (or the proof expired). */
export const verifiedPensionNumber = async (
  { verifiedContacts, now }: Pick<PensionerStatusDependencies, 'verifiedContacts' | 'now'>,
  contact: Contact,
): Promise<string> => {
  const pensionNumber = await verifiedContacts.find(contact.contactId, 'PENSION', now());
  if (!pensionNumber)
    throw new NotVerifiedError('Verify the pensioner first', {
      speech: { prompt: 'pensions.not_verified' },
    });
  return pensionNumber;
};

const loadPensioner = async (
  dependencies: PensionerStatusDependencies,
  contact: Contact,
): Promise<Pensioner> => {
  const pensionNumber = await verifiedPensionNumber(dependencies, contact);
  const pensioner = await dependencies.pensions.get(pensionNumber);
  // Verified a moment ago against this very record: its absence is not the caller's doing.
  if (!pensioner) throw new Error('A verified pensioner record has disappeared');
  return pensioner;
};

/** Claim status (in payment, processing, awaiting documents, suspended) and the next payment date. */
export const claimStatus =
  (dependencies: PensionerStatusDependencies) =>
  async (_: unknown, contact: Contact): Promise<FlowOutcome> => {
    const { claimStatus, pensionType, nextPaymentDate } = await loadPensioner(
      dependencies,
      contact,
    );
    const inPayment = claimStatus === 'IN_PAYMENT';
    return {
      outcome: 'FOUND',
      values: {
        claimStatus,
        pensionType,
        nextPaymentDate: inPayment ? nextPaymentDate : undefined,
      },
      speech:
        inPayment && nextPaymentDate
          ? { prompt: 'pensions.claim.in_payment', vars: { date: nextPaymentDate } }
          : {
              prompt: inPayment
                ? 'pensions.claim.in_payment_no_date'
                : `pensions.claim.${claimStatus.toLowerCase()}`,
            },
    };
  };

/**
 * The last payment made: date and amount. A very large amount spoken in Kiswahili with the
 * date would pass the clips a flow can play; then only the amount is spoken (the date stays
 * in `lastPaymentDate`).
 */
export const lastPayment =
  (dependencies: PensionerStatusDependencies) =>
  async (_: unknown, contact: Contact): Promise<FlowOutcome> => {
    const pensionNumber = await verifiedPensionNumber(dependencies, contact);
    const payment = await dependencies.pensions.lastPayment(pensionNumber);
    let speech: Speech = { prompt: 'pensions.last_payment.none' };
    if (payment) {
      speech = {
        prompt: 'pensions.last_payment.paid',
        vars: { amount: payment.amountKes, date: payment.date },
      };
      if (renderClips(speech, 'sw').length > MAX_CLIPS)
        speech = { prompt: 'pensions.last_payment.amount', vars: { amount: payment.amountKes } };
    }
    return {
      outcome: 'FOUND',
      values: { lastPaymentDate: payment?.date, lastPaymentAmount: payment?.amountKes },
      speech,
    };
  };

/** Whether the annual life certificate is valid, due or overdue, and its date. */
export const lifeCertificate =
  (dependencies: PensionerStatusDependencies) =>
  async (_: unknown, contact: Contact): Promise<FlowOutcome> => {
    const { lifeCertificate } = await loadPensioner(dependencies, contact);
    return {
      outcome: 'FOUND',
      values: {
        lifeCertificateStatus: lifeCertificate.status,
        lifeCertificateDueDate: lifeCertificate.dueDate,
      },
      speech: {
        prompt: `pensions.life_certificate.${lifeCertificate.status.toLowerCase()}`,
        vars: { date: lifeCertificate.dueDate },
      },
    };
  };
