import {
  contactCentreHours,
  environments,
  parseEnvironmentConfig,
  signInDomainPrefix,
} from '#lib/config/environments.ts';
import { catalogueFiles } from '#shared/data/catalogue-files.ts';

const valid = { ...environments.dev };

describe('environment config', () => {
  it('defaults both environments to af-south-1, 07:00-19:00 every day, open on holidays, 72 h complaint SLA', () => {
    for (const config of Object.values(environments)) {
      expect(config).toMatchObject({
        region: 'af-south-1',
        hours: { timeZone: 'Africa/Nairobi', open: '07:00', close: '19:00', openOnHolidays: true },
        sla: { complaintResolutionHours: 72 },
      });
    }
  });

  it('signs staff in at huduma-<env>-staff unless the config names another prefix', () => {
    expect(signInDomainPrefix(environments.dev)).toBe('huduma-dev-staff');
    expect(signInDomainPrefix(environments.prod)).toBe('huduma-prod-staff');
    expect(
      signInDomainPrefix(
        parseEnvironmentConfig({ ...valid, staffSignIn: { domainPrefix: 'kenya-cc-staff' } }),
      ),
    ).toBe('kenya-cc-staff');
  });

  it('retains and protects data in prod only', () => {
    expect(environments.prod.retainData).toBe(true);
    expect(environments.dev.retainData).toBe(false);
  });

  it.each([
    ['a Connect alias starting with d-', { instanceAlias: 'd-huduma' }, /instanceAlias/],
    [
      'closing before opening',
      { hours: { ...valid.hours, open: '19:00', close: '07:00' } },
      /hours.open must be before/,
    ],
    [
      'a lower-case country',
      { phoneNumber: { kind: 'claim', countryCode: 'ke', type: 'DID' } },
      /country code/,
    ],
    [
      'an unknown number type',
      { phoneNumber: { kind: 'claim', countryCode: 'ZA', type: 'SHORT_CODE' } },
      /type/,
    ],
    [
      'a phone number ARN from another service',
      {
        phoneNumber: {
          kind: 'existing',
          phoneNumberArn: 'arn:aws:sns:af-south-1:123456789012:phone-number/x',
        },
      },
      /connect ARN/,
    ],
    [
      'a sign-in domain prefix Cognito reserves',
      { staffSignIn: { domainPrefix: 'huduma-aws-staff' } },
      /aws, amazon or cognito/,
    ],
    [
      'a sign-in domain prefix with capitals',
      { staffSignIn: { domainPrefix: 'Huduma-Staff' } },
      /staffSignIn.domainPrefix/,
    ],
    [
      'a desktop domain without a certificate',
      { agentDesktop: { allowedCountries: ['KE'], domainName: 'agents.example.go.ke' } },
      /set together/,
    ],
    [
      'a certificate outside us-east-1',
      {
        agentDesktop: {
          allowedCountries: ['KE'],
          domainName: 'a.example',
          certificateArn: 'arn:aws:acm:af-south-1:123456789012:certificate/x',
        },
      },
      /us-east-1/,
    ],
    [
      'a stream retention under a day',
      { contactRecordStreamRetentionHours: 12 },
      /contactRecordStreamRetentionHours/,
    ],
  ])('rejects %s with a message naming the problem', (_, change, message) => {
    expect(() => parseEnvironmentConfig({ ...valid, ...change })).toThrow(message);
    expect(() => parseEnvironmentConfig({ ...valid, ...change })).toThrow(
      /Invalid configuration for environment "dev"/,
    );
  });

  it('accepts every phone number source', () => {
    for (const phoneNumber of [
      { kind: 'claim', countryCode: 'ZA', type: 'TOLL_FREE', prefix: '+2780' },
      {
        kind: 'import',
        sourcePhoneNumberArn: 'arn:aws:sms-voice:af-south-1:123456789012:phone-number/phone-1',
      },
      {
        kind: 'existing',
        phoneNumberArn: 'arn:aws:connect:af-south-1:123456789012:phone-number/abc-1',
      },
      { kind: 'none' },
    ]) {
      expect(parseEnvironmentConfig({ ...valid, phoneNumber }).phoneNumber).toEqual(phoneNumber);
    }
  });
});

describe('contactCentreHours', () => {
  const today = new Date('2026-11-30T09:00:00+03:00');

  it('needs no closed dates while the centre opens on holidays', () => {
    expect(contactCentreHours(environments.prod, today).closedDates).toEqual([]);
  });

  it('closes on every holiday in data/ from today on when configured closed', () => {
    const closed = contactCentreHours(
      { ...environments.prod, hours: { ...environments.prod.hours, openOnHolidays: false } },
      today,
    ).closedDates;
    const expected = [...new Set(catalogueFiles.holidays.map((h) => h.date))]
      .filter((date) => date >= '2026-11-30')
      .sort();
    expect(closed).toEqual(expected);
    expect(closed).toContain('2026-12-12');
    expect(closed.every((date) => date >= '2026-11-30')).toBe(true);
  });

  it('uses the Nairobi date: 22:00 UTC on 11 December is already Jamhuri Day', () => {
    const closed = contactCentreHours(
      { ...environments.prod, hours: { ...environments.prod.hours, openOnHolidays: false } },
      new Date('2026-12-11T22:00:00Z'),
    ).closedDates;
    expect(closed[0]).toBe('2026-12-12');
  });
});
