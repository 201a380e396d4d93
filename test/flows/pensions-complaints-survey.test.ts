import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { call, ENGLISH, freshCaller, KISWAHILI } from '../support/contact-centre.ts';
import { callLogItem } from '../support/data.ts';

const outcomesOf = (result: Awaited<ReturnType<typeof call>>, fn: string) =>
  result.callsTo(fn).map((event) => event.result?.outcome);

describe('pensions flow', () => {
  const PENSIONS = [ENGLISH, '3'];

  it('tells anyone how to apply for a survivor pension, without proof', async () => {
    const result = await call({ keys: [...PENSIONS, '1', '2', '1'] });

    expect(outcomesOf(result, 'pensions')).toEqual(['INFO']);
    expect(result.heard).toContain('pensions.info.survivor.how_to_apply');
    expect(result.attributes).toMatchObject({
      selfService: 'INFORMED',
      journey: ',pensions,pensions:INFO',
    });
  });

  it('verifies a pensioner, then gives claim status and last payment, and takes a statement request', async () => {
    const from = freshCaller();
    const result = await call({
      from,
      keys: [...PENSIONS, '2', '0000368915', '22334455', '1', '2', '4', '1', '1'],
    });

    expect(outcomesOf(result, 'pensions')).toEqual(['VERIFIED', 'FOUND', 'FOUND', 'CREATED']);
    expect(result.heard).toEqual(
      expect.arrayContaining([
        'pensions.verified',
        'pensions.claim.in_payment',
        'pensions.last_payment.paid',
        'pensions.request.created',
      ]),
    );
    expect(result.attributes).toMatchObject({ verified: 'true', selfService: 'REQUEST_CREATED' });
    expect(result.attributes.requestReference).toMatch(/^8\d{7}$/);
    expect(result.attributes).not.toHaveProperty('idNumber');
    expect(
      localOutbox.some(
        (message) =>
          message.to === from && message.prompt === 'pensions.sms.request_acknowledgement',
      ),
    ).toBe(true);
  });

  it('refuses details after a wrong ID number and offers an agent after three failures', async () => {
    const result = await call({
      from: freshCaller(),
      keys: [
        ...PENSIONS,
        '2',
        // Failures against the survivor pension: the service pension's demo record stays open.
        '0000412207',
        '11111111',
        '0000412207',
        '22222222',
        '0000412207',
        '33333333',
      ],
    });

    expect(outcomesOf(result, 'pensions')).toEqual([
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
    ]);
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Pensions' });
    expect(result.attributes.intent).toBe('pensions');
  });

  it('speaks pension details in Kiswahili from recorded clips', async () => {
    const result = await call({
      from: freshCaller(),
      keys: [KISWAHILI, '3', '2', '0000368915', '22334455', '2'],
    });

    expect(outcomesOf(result, 'pensions')).toEqual(['VERIFIED', 'FOUND']);
    const clips = result.prompts
      .filter((prompt) => prompt.action.startsWith('play-'))
      .map((prompt) => prompt.promptId);
    expect(clips).toEqual(expect.arrayContaining(['currency.kes', 'num.1000', 'month.11']));
  });
});

describe('complaints flow', () => {
  const COMPLAINTS = [ENGLISH, '4'];

  it('lodges a complaint about a passport delay, confirmed first, with a reference and an SMS', async () => {
    const from = freshCaller();

    const result = await call({ from, keys: [...COMPLAINTS, '1', '1', '3', '#', '1'] });

    expect(outcomesOf(result, 'complaints')).toEqual(['CREATED']);
    const created = result.lambdaCalls.find(
      (event) => event.function === 'huduma-complaints',
    )?.result;
    expect(created).toMatchObject({
      categoryId: 'delay',
      serviceId: 'passport',
      agencyId: 'immigration',
    });
    expect(result.heard).toEqual(
      expect.arrayContaining(['complaints.confirm', 'complaints.created']),
    );
    expect(result.attributes).toMatchObject({
      reference: created?.reference,
      selfService: 'COMPLAINT_CREATED',
    });
    expect(
      localOutbox.some(
        (message) => message.to === from && message.prompt === 'complaints.sms.acknowledgement',
      ),
    ).toBe(true);
  });

  it('gives the status of a complaint after the code sent to its call-back number, offered at once when they call', async () => {
    const from = freshCaller();
    const lodged = await call({ from, keys: [...COMPLAINTS, '1', '2', '1', '#', '1'] });
    const reference = lodged.attributes.reference!;

    // Declining the caller-context shortcut (2) leads to the main menu as usual.
    const owner = await call({ from, keys: [ENGLISH, '2', '4', '2', reference, 'sms'] });
    const ownerByShortcut = await call({ from, keys: [ENGLISH, '1', 'sms'] });
    const stranger = await call({
      from: freshCaller(),
      keys: [...COMPLAINTS, '2', reference, '111111', reference, '222222', reference, '333333'],
    });

    expect(outcomesOf(owner, 'complaints')).toEqual(['CODE_SENT', 'FOUND']);
    expect(owner.heard).toContain('complaints.status.open');
    expect(ownerByShortcut.heard).toEqual(
      expect.arrayContaining(['caller.open_complaint', 'complaints.status.open']),
    );
    expect(outcomesOf(ownerByShortcut, 'complaints')).toEqual(['CODE_SENT', 'FOUND']);
    expect(outcomesOf(stranger, 'complaints').filter((o) => o !== 'CODE_SENT')).toEqual([
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
    ]);
    expect(stranger.disposition).toMatchObject({ type: 'QUEUED', queue: 'Complaints' });
  });

  it('starts again when the caller does not confirm, and returns to the menu with star', async () => {
    const result = await call({ keys: [...COMPLAINTS, '1', '1', '3', '#', '2', '*'] });

    expect(outcomesOf(result, 'complaints')).toEqual([]);
    expect(result.heard.filter((id) => id === 'complaints.ask_category')).toHaveLength(2);
    expect(result.heard.filter((id) => id === 'main.menu')).toHaveLength(2);
  });

  it('asks again for a call-back number that is not a Kenyan mobile', async () => {
    const result = await call({
      from: freshCaller(),
      keys: [...COMPLAINTS, '1', '1', '3', '12345', '1', '#', '1'],
    });

    expect(outcomesOf(result, 'complaints')).toEqual(['INVALID_INPUT', 'CREATED']);
    expect(result.heard).toContain('complaints.invalid_callback_number');
  });
});

describe('post-call survey', () => {
  it('records CSAT and NPS on the call log after the agent hangs up', async () => {
    const result = await call({
      keys: [ENGLISH, '0', '_', '4', '9'],
      queue: { answerAfterSeconds: 10, agent: { username: 'otieno' } },
    });

    expect(result.disposition).toMatchObject({ type: 'ANSWERED', agent: 'otieno' });
    expect(result.heard.slice(-4)).toEqual([
      'survey.intro',
      'survey.ask_csat',
      'survey.ask_nps',
      'survey.thanks',
    ]);
    const Item = await callLogItem(result.contactId);
    expect(Item).toMatchObject({ csat: 4, nps: 9 });
  });

  it('asks once more after an out-of-range answer, and thanks the caller who says nothing', async () => {
    const result = await call({
      keys: [ENGLISH, '0', '_', '7', '5', '_'],
      queue: { answerAfterSeconds: 10 },
    });

    expect(result.heard).toContain('survey.invalid_csat');
    expect(outcomesOf(result, 'survey')).toEqual(['INVALID_INPUT', 'RECORDED']);
    expect(result.heard.at(-1)).toBe('survey.thanks');
  });
});
