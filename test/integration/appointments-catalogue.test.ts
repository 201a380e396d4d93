import { localHandler } from '#local/handlers.ts';
import { appointmentsAt } from '../support/appointments.ts';
import { connectEvent, connectEventFixtures, lambdaContext } from '../support/connect.ts';

const handler = localHandler('appointments');

// No bookings here: finding a centre and listing its services only read the catalogue.
const appointments = appointmentsAt('2026-01-12T09:00:00+03:00');

describe('appointments handler: list-centres', () => {
  it('lists the centres of a county keyed by their number in the county', async () => {
    // Act
    const result = await appointments({ operation: 'list-centres', countyCode: '47' });

    // Assess
    expect(result).toEqual({
      outcome: 'FOUND',
      countyCode: '47',
      optionCount: '5',
      option1: 'nac-001',
      option2: 'nac-002',
      option3: 'nac-003',
      option4: 'nac-004',
      option5: 'nac-005',
      sayPrompt: 'appointments.centre_menu.5',
      say: 'Huduma Centres in Nairobi County: Press 1 for GPO Huduma Centre. Press 2 for City Square Huduma Centre. Press 3 for Makadara Huduma Centre. Press 4 for Eastleigh Huduma Centre. Press 5 for Kibra Huduma Centre.',
    });
  });

  it('reads a one-digit or three-digit county code as the same county', async () => {
    const one = await appointments({ operation: 'list-centres', countyCode: '1' });
    const three = await appointments({ operation: 'list-centres', countyCode: '001' });

    expect(one).toMatchObject({ outcome: 'FOUND', countyCode: '01', option1: 'mbc-001' });
    expect(three).toEqual(one);
  });

  it('speaks the menu as Kiswahili clips', async () => {
    const result = await appointments({
      operation: 'list-centres',
      countyCode: '34',
      lang: 'sw',
    });

    expect(result).toMatchObject({
      outcome: 'FOUND',
      option1: 'kjc-001',
      option2: 'kjc-002',
      clipCount: '6',
      say: 'Vituo vya Huduma katika Kaunti ya Kajiado: Bonyeza moja kwa Kituo cha Huduma cha Kajiado. Bonyeza mbili kwa Kituo cha Huduma cha Kajiado West.',
    });
    expect(result.clip1).toMatch(/\/sw\/appointments\.centres\.in\.wav$/);
    expect(result.clip3).toMatch(/\/sw\/appointments\.press\.1\.wav$/);
  });

  it('does not read a three-digit number as the county its last two digits name', async () => {
    await expect(
      appointments({ operation: 'list-centres', countyCode: '147' }),
    ).resolves.toMatchObject({
      outcome: 'NOT_FOUND',
      reason: 'UNKNOWN_COUNTY',
      say: 'There is no county with number 1 4 7.',
    });
  });

  it('returns NOT_FOUND for a county code no county has', async () => {
    await expect(appointments({ operation: 'list-centres', countyCode: '48' })).resolves.toEqual({
      outcome: 'NOT_FOUND',
      reason: 'UNKNOWN_COUNTY',
      sayPrompt: 'appointments.unknown_county',
      say: 'There is no county with number 4 8.',
    });
  });
});

describe('appointments handler: find-centre', () => {
  it('finds a centre by county code and number in the county', async () => {
    await expect(
      appointments({ operation: 'find-centre', countyCode: '47', centreNumber: '3' }),
    ).resolves.toEqual({
      outcome: 'FOUND',
      centreId: 'nac-003',
      countyCode: '47',
      sayPrompt: 'appointments.centre_chosen',
      say: 'You chose Makadara Huduma Centre.',
    });
  });

  it('accepts leading zeros as a caller may key them', async () => {
    await expect(
      appointments({ operation: 'find-centre', countyCode: '047', centreNumber: '01' }),
    ).resolves.toMatchObject({ outcome: 'FOUND', centreId: 'nac-001' });
  });

  it('returns NOT_FOUND for a centre number the county does not have', async () => {
    await expect(
      appointments({ operation: 'find-centre', countyCode: '47', centreNumber: '9' }),
    ).resolves.toEqual({
      outcome: 'NOT_FOUND',
      reason: 'UNKNOWN_CENTRE',
      sayPrompt: 'appointments.unknown_centre',
      say: 'There is no Huduma Centre number 9 in Nairobi County.',
    });
  });

  it('returns NOT_FOUND for an unknown county before looking for the centre', async () => {
    await expect(
      appointments({ operation: 'find-centre', countyCode: '00', centreNumber: '1' }),
    ).resolves.toMatchObject({ outcome: 'NOT_FOUND', reason: 'UNKNOWN_COUNTY' });
  });

  it.each([
    ['', '1', 'EMPTY', 'countyCode'],
    ['4*', '1', 'NOT_DIGITS', 'countyCode'],
    ['4701', '1', 'WRONG_LENGTH', 'countyCode'],
    ['47', '', 'EMPTY', 'centreNumber'],
    ['47', '#', 'NOT_DIGITS', 'centreNumber'],
    ['47', '123', 'WRONG_LENGTH', 'centreNumber'],
  ])(
    'returns INVALID_INPUT for county %j, centre %j',
    async (countyCode, centreNumber, reason, field) => {
      await expect(
        appointments({ operation: 'find-centre', countyCode, centreNumber }),
      ).resolves.toEqual({ outcome: 'INVALID_INPUT', reason, field });
    },
  );
});

describe('appointments handler: list-services', () => {
  it('lists the bookable services of a centre, seven to a page', async () => {
    const result = await appointments({ operation: 'list-services', centreId: 'nac-001' });

    expect(result).toEqual({
      outcome: 'FOUND',
      centreId: 'nac-001',
      page: '1',
      pageCount: '4',
      more: 'true',
      nextPage: '2',
      optionCount: '7',
      option1: 'new-id',
      option2: 'duplicate-id',
      option3: 'id-collection',
      option4: 'birth-certificate',
      option5: 'death-certificate',
      option6: 'passport',
      option7: 'police-clearance-certificate',
      sayPrompt: 'appointments.menu.7',
      say: expect.stringMatching(
        /^Which service would you like to book\? Press 1 for a new national identity card\. .* Press 7 for a certificate of good conduct\. For more choices, press 9\.$/,
      ),
    });
  });

  it('ends with the last page, which offers to repeat or go back to the first instead of more', async () => {
    const result = await appointments({
      operation: 'list-services',
      centreId: 'nac-001',
      page: '4',
    });

    expect(result).toMatchObject({ page: '4', more: 'false', optionCount: '4' });
    expect(result.nextPage).toBeUndefined();
    expect(Object.values(result)).toContain('court-filing');
    expect(Object.values(result)).not.toContain('tele-counselling');
    expect(result.say).toMatch(
      /To hear these choices again, press 8\. To go back to the first choices, press 9\.$/,
    );
  });

  it('leaves out a service the centre has no desk for', async () => {
    const pages = await Promise.all(
      ['1', '2', '3', '4'].map((page) =>
        appointments({ operation: 'list-services', centreId: 'mbc-001', page }),
      ),
    );
    const offered = pages.flatMap((result) =>
      Object.entries(result)
        .filter(([key]) => /^option\d$/.test(key))
        .map(([, serviceId]) => serviceId),
    );
    expect(offered).toHaveLength(24);
    expect(offered).not.toContain('court-filing');
    expect(offered).not.toContain('huduma-appointment');
  });

  it('returns NOT_FOUND for an unknown centre', async () => {
    await expect(
      appointments({ operation: 'list-services', centreId: 'no-such-centre' }),
    ).resolves.toEqual({ outcome: 'NOT_FOUND', reason: 'UNKNOWN_CENTRE' });
  });

  it.each(['0', '5', 'x'])('returns INVALID_INPUT for page %j', async (page) => {
    await expect(
      appointments({ operation: 'list-services', centreId: 'nac-001', page }),
    ).resolves.toEqual({ outcome: 'INVALID_INPUT', reason: 'WRONG_PAGE', field: 'page' });
  });

  it('reads an empty page parameter (an unset contact attribute) as the first page', async () => {
    await expect(
      appointments({ operation: 'list-services', centreId: 'nac-001', page: '' }),
    ).resolves.toMatchObject({ outcome: 'FOUND', page: '1' });
  });
});

describe('appointments handler: the Connect contract', () => {
  it.each(connectEventFixtures)('accepts the published Connect event %s', async (fixture) => {
    await expect(
      appointments({ operation: 'find-centre', countyCode: '47', centreNumber: '1' }, { fixture }),
    ).resolves.toMatchObject({ outcome: 'FOUND' });
  });

  it('exports the deployed handler, on the real clock, offering slots from today on', async () => {
    const result = await handler(
      connectEvent({ operation: 'offer-slots', centreId: 'wpk-001', serviceId: 'helb-clearance' }),
      lambdaContext('appointments'),
    );

    expect(result).toMatchObject({ outcome: 'FOUND', slotCount: '3' });
    expect(Date.parse(`${result.slot1}:00+03:00`)).toBeGreaterThan(Date.now());
  });

  it('throws, so the flow takes its error branch, for an unknown operation', async () => {
    await expect(appointments({ operation: 'reschedule-all' })).rejects.toThrow();
  });

  it('throws when the flow leaves out a parameter the operation needs', async () => {
    await expect(appointments({ operation: 'find-centre', countyCode: '47' })).rejects.toThrow();
  });
});
