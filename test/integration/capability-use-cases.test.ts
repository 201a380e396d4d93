import { randomUUID } from 'node:crypto';
import { appointmentsUseCases } from '#lambdas/appointments/handler.ts';
import { callerContextUseCases } from '#lambdas/caller-context/handler.ts';
import { CAPABILITIES } from '#lambdas/capabilities.ts';
import { complaintsUseCases } from '#lambdas/complaints/handler.ts';
import { knowledgeUseCases } from '#lambdas/knowledge/handler.ts';
import { pensionsUseCases } from '#lambdas/pensions/handler.ts';
import { speechUseCases } from '#lambdas/speech/handler.ts';
import { surveyUseCases } from '#lambdas/survey/handler.ts';
import { trackingUseCases } from '#lambdas/tracking/handler.ts';
import { localDependencies } from '#local/handlers.ts';
import {
  type CapabilityDescriptor,
  type OperationName,
  runOperation,
  type UseCases,
} from '#shared/capability.ts';
import type { Contact } from '#shared/contact.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { uniqueCaller } from '../support/data.ts';

/**
 * Every operation of every capability called as a channel other than Connect calls it: typed
 * input parsed by the descriptor's schema, a channel-free contact, no event, on the run's
 * DynamoDB Local. Each answer must be one of the outcomes its descriptor declares.
 */
const NOW = new Date('2026-03-09T10:05:00+03:00'); // a Monday, no public holiday
const clock = () => NOW;
const newContact = (caller: string | undefined = uniqueCaller()): Contact => ({
  contactId: randomUUID(),
  caller,
});
const codeSentTo = (contact: Contact) =>
  String(
    localOutbox.findLast((n) => n.id.startsWith(`proof-code#${contact.contactId}#`))?.vars.code,
  );

/** Runs an operation and checks its answer against the descriptor's output schema. */
const operationsOf = <D extends CapabilityDescriptor>(descriptor: D, useCases: UseCases<D>) => {
  const called = new Set<string>();
  const call = async (
    operation: OperationName<D>,
    input: Record<string, unknown>,
    contact: Contact,
  ) => {
    called.add(operation);
    const result = await runOperation(descriptor, useCases, operation, input, contact);
    return descriptor.operations[operation]!.output.parse(result);
  };
  return { call, called };
};

const byHandler = <H extends (typeof CAPABILITIES)[number]['handler']>(handler: H) =>
  CAPABILITIES.find((capability) => capability.handler === handler)! as Extract<
    (typeof CAPABILITIES)[number],
    { handler: H }
  >;

/** Each capability's operations, each called once or more in a plausible order. */
const journeys: Record<string, () => Promise<Set<string>>> = {
  tracking: async () => {
    const { call, called } = operationsOf(
      byHandler('tracking'),
      trackingUseCases(await localDependencies('tracking', { clock })),
    );
    const contact = newContact();
    expect(
      await call(
        'check-number',
        { operation: 'check-number', applicationNumber: '12345678' },
        contact,
      ),
    ).toMatchObject({ outcome: 'VALID' });
    expect(
      await call('track', { applicationNumber: '12345678', idLast4: '5678' }, contact),
    ).toMatchObject({
      outcome: 'FOUND',
      values: { status: 'READY' },
    });
    return called;
  },
  pensions: async () => {
    const { call, called } = operationsOf(
      byHandler('pensions'),
      pensionsUseCases(await localDependencies('pensions', { clock })),
    );
    const contact = newContact();
    expect(
      await call('info', { operation: 'info', typeKey: '1', topicKey: '1' }, contact),
    ).toMatchObject({ outcome: 'INFO' });
    expect(await call('claim-status', { operation: 'claim-status' }, contact)).toMatchObject({
      outcome: 'NOT_VERIFIED',
    });
    expect(
      await call(
        'verify',
        { operation: 'verify', pensionNumber: '0000368915', idNumber: '22334455' },
        contact,
      ),
    ).toMatchObject({ outcome: 'VERIFIED' });
    expect(await call('claim-status', { operation: 'claim-status' }, contact)).toMatchObject({
      outcome: 'FOUND',
    });
    expect(await call('last-payment', { operation: 'last-payment' }, contact)).toMatchObject({
      outcome: 'FOUND',
    });
    expect(
      await call('life-certificate', { operation: 'life-certificate' }, contact),
    ).toMatchObject({ outcome: 'FOUND' });
    expect(
      await call('request', { operation: 'request', requestType: 'statement' }, contact),
    ).toMatchObject({ outcome: 'CREATED' });
    return called;
  },
  complaints: async () => {
    const { call, called } = operationsOf(
      byHandler('complaints'),
      complaintsUseCases(await localDependencies('complaints', { clock })),
    );
    const caller = newContact();
    const created = await call(
      'create',
      { operation: 'create', categoryKey: '1', serviceKey: '3' },
      caller,
    );
    expect(created).toMatchObject({ outcome: 'CREATED' });
    const reference = String(created.values?.reference);
    const later = newContact(caller.caller);
    expect(await call('status-code', { operation: 'status-code', reference }, later)).toMatchObject(
      { outcome: 'CODE_SENT' },
    );
    expect(
      await call('status', { operation: 'status', reference, code: codeSentTo(later) }, later),
    ).toMatchObject({
      outcome: 'FOUND',
    });
    const context = operationsOf(
      byHandler('caller-context'),
      callerContextUseCases(await localDependencies('caller-context', { clock })),
    );
    expect(await context.call('context', {}, newContact(caller.caller))).toMatchObject({
      outcome: 'OPEN_COMPLAINT',
    });
    expect(await context.call('context', {}, { contactId: randomUUID() })).toMatchObject({
      outcome: 'UNKNOWN',
    });
    return called;
  },
  appointments: async () => {
    const { call, called } = operationsOf(
      byHandler('appointments'),
      appointmentsUseCases(await localDependencies('appointments', { clock })),
    );
    const contact = newContact();
    const centres = await call(
      'list-centres',
      { operation: 'list-centres', countyCode: '1' },
      contact,
    );
    expect(centres).toMatchObject({ outcome: 'FOUND' });
    const centre = await call(
      'find-centre',
      { operation: 'find-centre', countyCode: '1', centreNumber: '1' },
      contact,
    );
    expect(centre).toMatchObject({ outcome: 'FOUND', values: { centreId: 'mbc-001' } });
    expect(
      await call('list-services', { operation: 'list-services', centreId: 'mbc-001' }, contact),
    ).toMatchObject({
      outcome: 'FOUND',
    });
    const slots = await call(
      'offer-slots',
      { operation: 'offer-slots', centreId: 'mbc-001', serviceId: 'passport' },
      contact,
    );
    expect(slots).toMatchObject({ outcome: 'FOUND' });
    const booked = await call(
      'book',
      {
        operation: 'book',
        centreId: 'mbc-001',
        serviceId: 'passport',
        slot: slots.values?.slot1,
        idNumber: '12345678',
      },
      contact,
    );
    expect(booked).toMatchObject({ outcome: 'BOOKED' });
    const reference = String(booked.values?.reference);
    const manager = newContact();
    expect(
      await call('find-booking', { operation: 'find-booking', reference }, manager),
    ).toMatchObject({
      outcome: 'PROOF_REQUIRED',
    });
    expect(await call('send-code', { operation: 'send-code', reference }, manager)).toMatchObject({
      outcome: 'CODE_SENT',
    });
    expect(
      await call(
        'find-booking',
        { operation: 'find-booking', reference, proof: '12345678' },
        manager,
      ),
    ).toMatchObject({ outcome: 'FOUND', values: { status: 'ACTIVE' } });
    expect(
      await call('move', { operation: 'move', reference, slot: slots.values?.slot2 }, manager),
    ).toMatchObject({
      outcome: 'MOVED',
    });
    expect(await call('cancel', { operation: 'cancel', reference }, manager)).toMatchObject({
      outcome: 'CANCELLED',
    });
    return called;
  },
  survey: async () => {
    const { call, called } = operationsOf(
      byHandler('survey'),
      surveyUseCases(await localDependencies('survey', { clock })),
    );
    expect(await call('record', { question: 'csat', score: '5' }, newContact())).toMatchObject({
      outcome: 'RECORDED',
    });
    expect(await call('record', { question: 'nps', score: '11' }, newContact())).toMatchObject({
      outcome: 'INVALID_INPUT',
    });
    return called;
  },
  speech: async () => {
    const { call, called } = operationsOf(byHandler('speech'), speechUseCases());
    expect(await call('speak', { prompt: 'main.menu' }, newContact())).toMatchObject({
      outcome: 'OK',
    });
    return called;
  },
  knowledge: async () => {
    const { call, called } = operationsOf(
      byHandler('knowledge'),
      knowledgeUseCases(await localDependencies('knowledge', { now: clock })),
    );
    const contact = newContact();
    expect(await call('categories', { operation: 'categories' }, contact)).toMatchObject({
      outcome: 'OK',
    });
    expect(
      await call('articles', { operation: 'articles', categoryId: 'identity' }, contact),
    ).toMatchObject({
      outcome: expect.stringMatching(/^(OK|INVALID_INPUT)$/),
    });
    expect(await call('search', { operation: 'search', query: 'passport' }, contact)).toMatchObject(
      {
        outcome: 'FOUND',
        values: expect.objectContaining({ option1: 'passport', query: 'passport' }),
      },
    );
    expect(
      await call('search', { operation: 'search', query: 'xyzzy qqq' }, contact),
    ).toMatchObject({
      outcome: 'NONE',
    });
    expect(await call('search', { operation: 'search', query: '1' }, contact)).toMatchObject({
      outcome: 'BROWSE',
    });
    expect(
      await call('summary', { operation: 'summary', articleId: 'no-such-article' }, contact),
    ).toMatchObject({
      outcome: 'NOT_FOUND',
    });
    expect(
      await call('send-sms', { operation: 'send-sms', articleId: 'no-such-article' }, contact),
    ).toMatchObject({
      outcome: expect.any(String),
    });
    return called;
  },
};

describe('capability use cases, called without any channel event', () => {
  it('has a journey for every capability', () => {
    const served = new Set(
      CAPABILITIES.flatMap((capability) =>
        capability.handler === 'caller-context' ? [] : [capability.handler],
      ),
    );
    expect(Object.keys(journeys).sort()).toEqual([...served].sort());
  });

  it.each(Object.keys(journeys))(
    '%s: every operation answers with an outcome it declares',
    async (name) => {
      const called = await journeys[name]!();
      const descriptor = CAPABILITIES.find((capability) => capability.handler === name)!;
      expect([...called].sort()).toEqual(Object.keys(descriptor.operations).sort());
    },
  );
});
