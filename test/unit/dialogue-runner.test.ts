import { appointmentsDialogue } from '#lambdas/appointments/dialogue.ts';
import { complaintsDialogue } from '#lambdas/complaints/dialogue.ts';
import { pensionsDialogue } from '#lambdas/pensions/dialogue.ts';
import { trackingDialogue } from '#lambdas/tracking/dialogue.ts';
import {
  type DialogueMove,
  type DialoguePort,
  type DialogueState,
  type DialogueTurn,
  type OperationOutcome,
  type RunnerOptions,
  runDialogue,
} from '#shared/dialogue/runner.ts';
import type { Dialogue } from '#shared/dialogue/types.ts';
import { checkDigit } from '#shared/reference.ts';
import { promptCatalogue } from '#shared/speech/catalogue.ts';

type Script = Record<string, (parameters: Record<string, string>) => OperationOutcome>;

/** A port answering from a script, recording every call. */
const scripted = (script: Script) => {
  const calls: { operation: string; parameters: Record<string, string> }[] = [];
  const port: DialoguePort = {
    invoke: async (_capability, operation = '', parameters) => {
      calls.push({ operation, parameters: { ...parameters } });
      const answer = script[operation];
      if (!answer) throw new Error(`unscripted ${operation}`);
      return answer(parameters);
    },
  };
  return { port, calls };
};

const USSD: RunnerOptions = { channel: 'ussd', lang: 'en', pageSize: 4 };

/** Plays moves one after another, keeping the state between them as a channel would (as JSON). */
const play = async (
  dialogue: Dialogue,
  port: DialoguePort,
  moves: (string | DialogueMove)[],
  options: RunnerOptions = USSD,
) => {
  const turns: DialogueTurn[] = [await runDialogue(dialogue, undefined, undefined, port, options)];
  let state: DialogueState = JSON.parse(JSON.stringify(turns[0]!.state));
  for (const move of moves) {
    const turn = await runDialogue(
      dialogue,
      state,
      typeof move === 'string' ? { kind: 'answer', text: move } : move,
      port,
      options,
    );
    turns.push(turn);
    state = JSON.parse(JSON.stringify(turn.state));
  }
  return turns;
};

const said = (turn: DialogueTurn | undefined) => turn?.said.map((s) => s.prompt);

describe('dialogue runner: tracking', () => {
  const script: Script = {
    'check-number': () => ({ outcome: 'VALID' }),
    '': ({ idLast4 }) =>
      idLast4 === '1234'
        ? { outcome: 'FOUND', speech: { prompt: 'tracking.status.received' } }
        : {
            outcome: 'VERIFICATION_FAILED',
            speech: { prompt: 'tracking.verification_failed' },
          },
  };

  it('checks the number before the proof, sends the proof once and never keeps it', async () => {
    const { port, calls } = scripted(script);
    const turns = await play(trackingDialogue, port, ['1234567', '12345678', '12', '1234']);
    expect(turns[0]!.ask).toMatchObject({
      kind: 'input',
      speech: { prompt: 'tracking.ask_number' },
    });
    // Seven digits: refused by shape, nothing called.
    expect(turns[1]).toMatchObject({ refused: 'WRONG_LENGTH' });
    expect(said(turns[1])).toEqual(['tracking.invalid_number']);
    expect(turns[2]!.ask).toMatchObject({ kind: 'input', proof: true });
    expect(turns[3]).toMatchObject({ refused: 'WRONG_LENGTH' });
    expect(said(turns[4])).toEqual(['tracking.status.received']);
    expect(turns[4]!.journey).toEqual(['tracking:FOUND']);
    expect(turns[4]!.ask).toMatchObject({ kind: 'choice', keys: ['1'] });
    expect(calls.map((c) => c.operation)).toEqual(['check-number', '']);
    expect(calls[1]!.parameters).toEqual({
      applicationNumber: '12345678',
      idLast4: '1234',
      lang: 'en',
    });
    for (const turn of turns) expect(JSON.stringify(turn.state)).not.toContain('1234"');
    expect(turns[4]!.state.kept).toMatchObject({ verified: 'true', selfService: 'TRACKED' });
  });

  it('asks both again after a failed proof, and leaves for an agent when the tries are spent', async () => {
    const { port } = scripted(script);
    const turns = await play(trackingDialogue, port, [
      '12345678',
      '9999',
      '12345678',
      '9999',
      '12345678',
      '9999',
    ]);
    expect(said(turns[2])).toEqual(['tracking.verification_failed']);
    expect(turns[2]!.ask).toMatchObject({ speech: { prompt: 'tracking.ask_number' } });
    expect(turns[6]!.exit).toBe('agent');
    expect(said(turns[6])).toEqual(['tracking.verification_failed', 'tracking.too_many_attempts']);
  });

  it('takes the escapes as typed exits', async () => {
    const { port } = scripted(script);
    const [, menu] = await play(trackingDialogue, port, [{ kind: 'menu' }]);
    expect(menu!.exit).toBe('menu');
    const [, back] = await play(trackingDialogue, port, [{ kind: 'back' }]);
    expect(back!.exit).toBe('menu');
    const [, , toNumber] = await play(trackingDialogue, port, ['12345678', { kind: 'back' }]);
    expect(toNumber!.ask).toMatchObject({ speech: { prompt: 'tracking.ask_number' } });
  });
});

describe('dialogue runner: pensions', () => {
  it('verifies, then serves the account menu without asking the proof again', async () => {
    const { port, calls } = scripted({
      verify: () => ({ outcome: 'VERIFIED', speech: { prompt: 'pensions.verified' } }),
      'claim-status': () => ({ outcome: 'FOUND', speech: { prompt: 'pensions.claim.processing' } }),
      request: () => ({
        outcome: 'CREATED',
        values: { reference: '70000009' },
        speech: { prompt: 'pensions.request.created' },
      }),
    });
    const turns = await play(pensionsDialogue, port, [
      '2',
      '123456',
      '12345678',
      '1',
      '4',
      '2',
      '1',
    ]);
    expect(turns[0]!.ask).toMatchObject({ speech: { prompt: 'ussd.pensions.start' } });
    expect(turns[3]!.ask).toMatchObject({ speech: { prompt: 'ussd.pensions.account_menu' } });
    expect(said(turns[4])).toEqual(['pensions.claim.processing']);
    expect(turns[6]!.ask).toMatchObject({
      speech: {
        prompt: 'ussd.pensions.confirm_request',
        vars: { request: 'pensions.request.bank_details_change' },
      },
    });
    expect(turns[7]!.journey).toEqual(['pensions:CREATED']);
    expect(turns[7]!.state.kept).toMatchObject({ requestReference: '70000009' });
    expect(calls.map((c) => c.operation)).toEqual(['verify', 'claim-status', 'request']);
    expect(calls[2]!.parameters).toEqual({ requestType: 'bank_details_change', lang: 'en' });
  });

  it('re-asks the input an operation names as invalid', async () => {
    const { port } = scripted({
      info: ({ topicKey }) =>
        topicKey === '9'
          ? {
              outcome: 'INVALID_INPUT',
              values: { field: 'topicKey', reason: 'NOT_IN_MENU' },
              speech: { prompt: 'pensions.invalid_choice' },
            }
          : { outcome: 'INFO', speech: { prompt: 'pensions.info.payment_dates' } },
    });
    const turns = await play(pensionsDialogue, port, ['1', '1', '9', '3']);
    expect(turns[3]).toMatchObject({ refused: 'NOT_IN_MENU' });
    expect(turns[3]!.ask).toMatchObject({ speech: { prompt: 'ussd.pensions.ask_topic' } });
    expect(turns[4]!.journey).toEqual(['pensions:INFO']);
  });
});

describe('dialogue runner: complaints', () => {
  const created = () => ({
    outcome: 'CREATED',
    values: { reference: '70000009' },
    speech: { prompt: 'complaints.created' },
  });

  it('pages the categories from data and lodges with the keys chosen', async () => {
    const { port, calls } = scripted({ create: created });
    const turns = await play(complaintsDialogue, port, ['1', { kind: 'more' }, '2', '7', '3', '1']);
    const first = turns[1]!.ask;
    expect(first).toMatchObject({ kind: 'list', more: 'next' });
    expect(first?.kind === 'list' && first.items.map((i) => i.label.prompt)).toEqual([
      'complaints.category.delay',
      'complaints.category.unlawful-conduct',
      'complaints.category.inefficiency',
      'complaints.category.unresponsive-conduct',
    ]);
    // Item 2 of page 2 is the sixth category (key 6), then "7": refused on a page of 4.
    expect(turns[3]!.state.kept).toMatchObject({ categoryKey: '6' });
    expect(turns[4]).toMatchObject({ refused: 'NOT_IN_LIST' });
    expect(said(turns[4])).toEqual(['main.invalid_choice']);
    expect(turns[5]!.ask).toMatchObject({ speech: { prompt: 'ussd.complaints.confirm' } });
    expect(turns[6]!.journey).toEqual(['complaints:CREATED']);
    expect(calls[0]!.parameters).toEqual({ categoryKey: '6', serviceKey: '3', lang: 'en' });
  });

  it('offers the first page again from the last of several, and goes there on 98', async () => {
    const { port } = scripted({ create: created });
    const more = { kind: 'more' } as const;
    // Ten categories, three pages of four on USSD: 98 twice reaches the third, then the first.
    const turns = await play(complaintsDialogue, port, ['1', more, more, more, '1']);
    expect(turns[3]!.ask).toMatchObject({ kind: 'list', more: 'first' });
    expect(turns[4]!.ask).toEqual(turns[1]!.ask);
    expect(turns[4]).not.toHaveProperty('refused');
    expect(turns[5]!.state.kept).toMatchObject({ categoryKey: '1' });
  });

  it('says there is no more on 98 on a list of one page, and shows it again, not counted as a try', async () => {
    const { port } = scripted({ create: created });
    const more = { kind: 'more' } as const;
    // On text channels a page holds ten: the ten categories are one page.
    const text: RunnerOptions = { channel: 'text', lang: 'en', pageSize: 10 };
    const turns = await play(complaintsDialogue, port, ['1', more, more, more, '11'], text);
    expect(turns[1]!.ask).toMatchObject({ kind: 'list' });
    expect(turns[1]!.ask).not.toHaveProperty('more');
    for (const turn of turns.slice(2, 5)) {
      expect(turn).toMatchObject({ refused: 'NO_MORE', state: { tries: 0 } });
      expect(said(turn)).toEqual(['main.no_more']);
      expect(turn.ask).toEqual(turns[1]!.ask);
    }
    // A wrong key after them is the first failed try.
    expect(turns[5]).toMatchObject({ refused: 'NOT_IN_LIST', state: { tries: 1 } });
    expect(turns[5]!.exit).toBeUndefined();
  });

  it('asks for the description on text channels only', async () => {
    const { port, calls } = scripted({ create: created });
    const text: RunnerOptions = { channel: 'text', lang: 'sw', pageSize: 10 };
    const turns = await play(
      complaintsDialogue,
      port,
      ['1', '1', '1', '1', ' ', 'Foleni ndefu'],
      text,
    );
    expect(turns[4]!.ask).toMatchObject({ kind: 'input', freeText: true });
    expect(turns[5]).toMatchObject({ refused: 'EMPTY' });
    expect(calls[0]!.parameters).toMatchObject({ description: 'Foleni ndefu', lang: 'sw' });
  });
});

describe('dialogue runner: appointments', () => {
  const slots = (after?: string) =>
    after
      ? { outcome: 'FOUND', values: { slotCount: 1, slot1: '2026-12-08T10:00', more: false } }
      : {
          outcome: 'FOUND',
          values: {
            slotCount: 3,
            slot1: '2026-12-07T09:00',
            slot2: '2026-12-07T09:30',
            slot3: '2026-12-07T10:00',
            more: true,
            nextAfter: '2026-12-07T10:00',
          },
        };
  const script: Script = {
    'list-centres': () => ({
      outcome: 'FOUND',
      values: { optionCount: 2, option1: 'nac-001', option2: 'nac-002' },
    }),
    'list-services': ({ page }) =>
      page === '2'
        ? { outcome: 'FOUND', values: { optionCount: 1, option1: 'kra-pin' } }
        : {
            outcome: 'FOUND',
            values: { optionCount: 1, option1: 'passport', more: true, nextPage: 2 },
          },
    'offer-slots': ({ after }) => slots(after),
    book: () => ({
      outcome: 'BOOKED',
      values: { reference: '70000009' },
      speech: { prompt: 'appointments.booked' },
    }),
  };

  it('books: county, centre, service (second page), later slots, confirm', async () => {
    const { port, calls } = scripted(script);
    const turns = await play(appointmentsDialogue, port, [
      '1',
      { kind: 'more' },
      '2', // the sixth county: Taita-Taveta, 06
      '1',
      { kind: 'more' },
      '1',
      { kind: 'more' },
      '1',
      '1',
    ]);
    expect(turns[3]!.state.kept).toMatchObject({ countyCode: '06' });
    expect(turns[6]!.state.kept).toMatchObject({ serviceId: 'kra-pin' });
    const later = turns[7]!.ask;
    expect(later?.kind === 'list' && later.items).toEqual([
      {
        key: '1',
        label: { prompt: 'appointments.list.slot_item', vars: { slot: '2026-12-08T10:00' } },
      },
    ]);
    expect(turns[8]!.ask).toMatchObject({
      speech: {
        prompt: 'ussd.appointments.confirm',
        vars: { service: 'kra-pin', centre: 'nac-001', slot: '2026-12-08T10:00' },
      },
    });
    expect(turns[9]!.journey).toEqual(['appointments:BOOKED']);
    expect(calls.map((c) => [c.operation, c.parameters])).toEqual([
      ['list-centres', { countyCode: '06', lang: 'en' }],
      ['list-services', { centreId: 'nac-001', lang: 'en' }],
      ['list-services', { centreId: 'nac-001', page: '2', lang: 'en' }],
      ['offer-slots', { centreId: 'nac-001', serviceId: 'kra-pin', lang: 'en' }],
      [
        'offer-slots',
        { centreId: 'nac-001', serviceId: 'kra-pin', after: '2026-12-07T10:00', lang: 'en' },
      ],
      ['book', { centreId: 'nac-001', serviceId: 'kra-pin', slot: '2026-12-08T10:00', lang: 'en' }],
    ]);
  });

  it('goes back from the later slots to the first ones on 98, asking the operation again', async () => {
    const { port, calls } = scripted(script);
    const more = { kind: 'more' } as const;
    const turns = await play(appointmentsDialogue, port, [
      '1',
      more,
      '2',
      '1',
      '1',
      more,
      more,
      '1',
    ]);
    // The later slots are a later set from the operation: 98 there asks for the first again.
    expect(turns[6]!.ask).toMatchObject({ kind: 'list', more: 'first' });
    expect(turns[7]!.ask).toMatchObject({ kind: 'list', more: 'next' });
    expect(turns[8]!.state.kept).toMatchObject({ slot: '2026-12-07T09:00' });
    expect(
      calls.filter((c) => c.operation === 'offer-slots').map((c) => c.parameters.after),
    ).toEqual([undefined, '2026-12-07T10:00', undefined]);
  });

  it('catches a mistyped reference by its check digit before a code is sent, then cancels', async () => {
    const reference = `7000000${checkDigit('7000000')}`;
    const wrong = `${reference.slice(0, 7)}${(Number(reference[7]) + 1) % 10}`;
    const { port, calls } = scripted({
      'send-code': () => ({ outcome: 'CODE_SENT', speech: { prompt: 'appointments.code_sent' } }),
      'find-booking': () => ({
        outcome: 'FOUND',
        values: { reference, centreId: 'nac-001', serviceId: 'passport', status: 'ACTIVE' },
        speech: { prompt: 'appointments.booking.details' },
      }),
      cancel: () => ({ outcome: 'CANCELLED', speech: { prompt: 'appointments.cancelled' } }),
    });
    const turns = await play(appointmentsDialogue, port, ['2', wrong, reference, '246810', '1']);
    expect(turns[2]).toMatchObject({ refused: 'CHECK_DIGIT' });
    expect(turns[5]!.journey).toEqual(['appointments:CANCELLED']);
    expect(calls.map((c) => c.operation)).toEqual(['send-code', 'find-booking', 'cancel']);
    expect(calls[2]!.parameters).toEqual({ reference, lang: 'en' });
    expect(JSON.stringify(turns.map((t) => t.state))).not.toContain('246810');
  });
});

describe('dialogue prompts', () => {
  it('name catalogue prompts in every dialogue', () => {
    const ids = new Set<string>();
    const add = (p?: { prompt: string; ussd?: string; text?: string }) => {
      if (!p) return;
      for (const id of [p.prompt, p.ussd, p.text]) if (id) ids.add(id);
    };
    for (const dialogue of [
      trackingDialogue,
      pensionsDialogue,
      complaintsDialogue,
      appointmentsDialogue,
    ] as Dialogue[])
      for (const step of Object.values(dialogue.steps)) {
        if (step.kind !== 'lookup') add(step.ask);
        if (step.kind === 'lookup')
          for (const input of step.inputs) [input.ask, input.invalid, input.noInput].forEach(add);
        if (step.kind === 'list' && 'items' in step.source)
          for (const item of step.source.items) ids.add(item.prompt);
        for (const handling of Object.values(step.kind === 'choice' ? {} : (step.outcomes ?? {})))
          if (handling.say !== 'result') add(handling.say);
      }
    expect([...ids].filter((id) => !promptCatalogue.has(id))).toEqual([]);
  });
});
