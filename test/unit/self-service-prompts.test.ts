import { complaintKeypad } from '#lambdas/complaints/keypad.ts';
import { pensionsInfo } from '#lambdas/pensions/info.ts';
import { ApplicationStatusSchema } from '#shared/data/applications.repository.ts';
import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import {
  ClaimStatusSchema,
  LifeCertificateStatusSchema,
} from '#shared/data/pensions.repository.ts';
import { TicketStatusSchema } from '#shared/data/tickets.repository.ts';
import { promptCatalogue } from '#shared/speech/catalogue.ts';
import { MAX_CLIPS, renderClips, type Speech } from '#shared/speech/render.ts';
import { slaPolicyFor } from '#shared/tickets/sla.ts';

const expectPrompt = (id: string) =>
  expect({ id, text: promptCatalogue.get(id) }).toEqual({
    id,
    text: { en: expect.stringMatching(/\S/), sw: expect.stringMatching(/\S/) },
  });

const keysSpoken = (promptId: string) =>
  [...(promptCatalogue.get(promptId)?.en ?? '').matchAll(/press (\d)/g)].map((m) => m[1]);

describe('complaint menus in data', () => {
  it('name a spoken category for every key, in the order the menu speaks them', () => {
    for (const { categoryId } of complaintKeypad.categories)
      expectPrompt(`complaints.category.${categoryId}`);
    expect(keysSpoken('complaints.ask_category')).toEqual(
      complaintKeypad.categories.map((entry) => entry.key),
    );
  });

  it('name catalogue services, in the order the menu speaks them', () => {
    const services = new Set(catalogueFiles.services.map((service) => service.id));
    for (const { serviceId } of complaintKeypad.services)
      if (serviceId) expect(services).toContain(serviceId);
    expect(keysSpoken('complaints.ask_service')).toEqual(
      complaintKeypad.services.map((entry) => entry.key),
    );
    expect(catalogueFiles.agencies.map((agency) => agency.id)).toContain(
      complaintKeypad.defaultAgencyId,
    );
  });

  it('promise 72 hours for a normal complaint, from the SLA data', () => {
    expect(slaPolicyFor('COMPLAINT', 'normal').resolutionMin).toBe(72 * 60);
  });
});

describe('pension information in data', () => {
  it('has both languages of every topic for every pension type, and menus that match', () => {
    for (const type of pensionsInfo.types) {
      expectPrompt(`pensions.type.${type.id}`);
      for (const topic of ['how_to_apply', 'documents'])
        expectPrompt(`pensions.info.${type.id}.${topic}`);
      expect([...type.paymentDates]).toEqual([...type.paymentDates].sort());
    }
    expect(keysSpoken('pensions.ask_type')).toEqual(pensionsInfo.types.map((type) => type.key));
    expect(keysSpoken('pensions.ask_topic')).toEqual(pensionsInfo.topics.map((topic) => topic.key));
    for (const request of pensionsInfo.requests) expectPrompt(`pensions.request.${request.id}`);
  });
});

describe('status prompts', () => {
  it.each([
    ...ApplicationStatusSchema.options.map((s) => `tracking.status.${s.toLowerCase()}`),
    ...TicketStatusSchema.options.map((s) => `complaints.status.${s.toLowerCase()}`),
    ...ClaimStatusSchema.options.map((s) => `pensions.claim.${s.toLowerCase()}`),
    ...LifeCertificateStatusSchema.options.map(
      (s) => `pensions.life_certificate.${s.toLowerCase()}`,
    ),
  ])('%s exists in English and Kiswahili', (id) => expectPrompt(id));
});

describe('Kiswahili dynamic messages', () => {
  // The longest values each message can carry: the flow plays at most MAX_CLIPS clips.
  const longest: Speech[] = [
    { prompt: 'tracking.verification_failed', vars: { application: '88888888', attemptsLeft: 4 } },
    { prompt: 'complaints.created', vars: { reference: '77777777', hours: 72 } },
    { prompt: 'complaints.created_no_sms', vars: { reference: '77777777', hours: 72 } },
    { prompt: 'complaints.verification_failed', vars: { attemptsLeft: 4 } },
    ...TicketStatusSchema.options.map((status) => ({
      prompt: `complaints.status.${status.toLowerCase()}`,
      vars: { reference: '77777777', date: '2026-12-27' },
    })),
    {
      prompt: 'pensions.request.created',
      vars: { request: 'pensions.request.life_certificate_appointment', reference: '87777777' },
    },
    { prompt: 'pensions.verification_failed', vars: { attemptsLeft: 4 } },
    {
      prompt: 'pensions.info.payment_dates',
      vars: { type: 'pensions.type.psss', date: '2026-12-27' },
    },
    { prompt: 'pensions.claim.in_payment', vars: { date: '2026-12-27' } },
    { prompt: 'pensions.last_payment.paid', vars: { amount: 99_999, date: '2026-12-27' } },
    { prompt: 'pensions.last_payment.amount', vars: { amount: 977_777 } },
    { prompt: 'pensions.life_certificate.overdue', vars: { date: '2026-12-27' } },
  ];

  it.each(longest.map((speech) => [speech.prompt, speech] as const))(
    '%s fits in the clips a flow can play',
    (_, speech) => {
      expect(renderClips(speech, 'sw').length).toBeLessThanOrEqual(MAX_CLIPS);
    },
  );
});
