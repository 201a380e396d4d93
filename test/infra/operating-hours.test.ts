import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ROUTING_PROFILES } from '#lib/config/agents.ts';
import {
  contactCentreHours,
  type EnvironmentConfig,
  environments,
  withOperatingHours,
} from '#lib/config/environments.ts';
import { staffingWarnings } from '#lib/config/staffing-check.ts';
import { ContactRouting } from '#lib/constructs/contact-routing.ts';
import { contactCentreHoursVariable, DAYS } from '#shared/hours.ts';
import { buildApp, testApp } from '../support/app.ts';

const routing = (config: EnvironmentConfig) => {
  const stack = new Stack(testApp(), 'Test');
  new ContactRouting(stack, 'Routing', {
    instanceArn: 'arn:aws:connect:af-south-1:123456789012:instance/abc',
    instanceId: 'abc',
    hours: contactCentreHours(config),
    routingProfiles: ROUTING_PROFILES,
    logRetention: RetentionDays.ONE_MONTH,
    staffingWarnings: staffingWarnings(config),
  });
  return stack;
};

const everyDay = (start: [number, number], end: [number, number]) =>
  Match.arrayEquals(
    DAYS.map((day) => ({
      Day: day,
      StartTime: { Hours: start[0], Minutes: start[1] },
      EndTime: { Hours: end[0], Minutes: end[1] },
    })),
  );

describe('Connect hours of operation from the configured hours', () => {
  it('opens 07:00-19:00 every day on the 12-hour configuration', () => {
    Template.fromStack(
      routing(withOperatingHours(environments.prod, '12 h')),
    ).hasResourceProperties('AWS::Connect::HoursOfOperation', {
      TimeZone: 'Africa/Nairobi',
      Config: everyDay([7, 0], [19, 0]),
    });
  });

  it('opens midnight to midnight every day on the 24-hour configuration', () => {
    Template.fromStack(
      routing(withOperatingHours(environments.prod, '24 h')),
    ).hasResourceProperties('AWS::Connect::HoursOfOperation', {
      TimeZone: 'Africa/Nairobi',
      Description: Match.stringLikeRegexp('^24 hours, 7 days a week'),
      Config: everyDay([0, 0], [0, 0]),
    });
  });

  it('warns at synth when the forecast says the planned night shift cannot meet the target', () => {
    const annotations = Annotations.fromStack(
      routing(withOperatingHours(environments.prod, '24 h')),
    );

    annotations.hasWarning(
      '/Test/Routing/Hours',
      Match.stringLikeRegexp(
        'Planned roster 24 h: the night shift \\(01:00-07:00\\) plans 1 agents; the forecast needs \\d+ to answer 80 % within 20 s',
      ),
    );
  });

  it('does not warn of a night shift the 12-hour configuration does not have', () => {
    const warnings = Annotations.fromStack(
      routing(withOperatingHours(environments.prod, '12 h')),
    ).findWarning('*', Match.anyValue());

    expect(warnings.map((warning) => String(warning.entry.data))).not.toContainEqual(
      expect.stringMatching(/night|evening/),
    );
  });

  it('derives the whole app from the configuration: 24 hours on prod', () => {
    const { app, contactCentre, template } = buildApp(
      'prod',
      withOperatingHours(environments.prod, '24 h'),
      { bundle: false },
    );

    template(contactCentre).hasResourceProperties('AWS::Connect::HoursOfOperation', {
      Config: everyDay([0, 0], [0, 0]),
    });
    // The hours the IVR tells a caller outside them are the ones Connect checks.
    const [callerContext] = Object.values(
      template(contactCentre).findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('^Open complaints and upcoming') },
      }),
    );
    const told = contactCentreHoursVariable.parse(
      callerContext?.Properties.Environment.Variables.CONTACT_CENTRE_HOURS,
    );
    expect(told.weekly).toContainEqual({ day: 'MONDAY', open: '00:00', close: '24:00' });
    expect(told.timeZone).toBe('Africa/Nairobi');
    // The assembly Template.fromStack synthesized (a second synth would run the aspects again).
    const messages = app.synth().getStackArtifact(contactCentre.artifactId).messages;
    expect(
      messages
        .filter((message) => message.level === 'warning')
        .map((message) => String(message.entry.data)),
    ).toContainEqual(expect.stringMatching(/^Planned roster 24 h: the night shift/));
  });
});
