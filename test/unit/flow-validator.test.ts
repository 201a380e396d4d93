import { readdirSync, readFileSync } from 'node:fs';
import { type ValidationOptions, validateFlow } from '#flows/language/validator.ts';
import { FLOWS } from '#flows/manifest.ts';
import { validateRepositoryFlow } from '#flows/validate.ts';
import { equals, onError, transitions } from '../support/flow-json.ts';

const fixtures = new URL('../fixtures/', import.meta.url);
const realFlows = readdirSync(new URL('real-flows/', fixtures)).filter((file) =>
  file.endsWith('.json'),
);

const repository: ValidationOptions = {
  placeholders: 'repository',
  resourcePlaceholders: new Set(['TrackingFunctionArn', 'GeneralQueueArn']),
  prompt: (id) =>
    ({
      'main.welcome': { en: 'Welcome.', sw: 'Karibu.' },
      'main.slotted': { en: 'Hi {n:digits}', sw: 'Habari {n:digits}' },
    })[id],
  strict: true,
};

/** A small valid flow: say, menu, disconnect. */
const baseFlow = () => ({
  Version: '2019-10-30',
  StartAction: 'say',
  Actions: [
    {
      Identifier: 'say',
      Type: 'MessageParticipant',
      Parameters: { Text: '${en:main.welcome}' },
      Transitions: onError('menu'),
    },
    {
      Identifier: 'menu',
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Press 1', StoreInput: 'False', InputTimeLimitSeconds: '5' },
      Transitions: transitions('bye', { NoMatchingCondition: 'bye', NoMatchingError: 'bye' }, [
        ['1', 'bye'],
      ]),
    },
    { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
});

type Flow = ReturnType<typeof baseFlow> & { Actions: Record<string, unknown>[] };

const rulesOf = (mutate: (flow: Flow) => void, options: ValidationOptions = repository) => {
  const flow = baseFlow() as Flow;
  mutate(flow);
  return validateFlow(JSON.stringify(flow), options).map((problem) => problem.rule);
};

const action = (flow: Flow, id: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: the tests reshape arbitrary flow JSON
  flow.Actions.find((a) => a.Identifier === id) as Record<string, any>;

describe('flow validator', () => {
  it('accepts the reference example flow', () => {
    const content = readFileSync(new URL('example-inbound.flow.json', fixtures), 'utf8');
    expect(validateFlow(content, { placeholders: 'foreign', flowType: 'CONTACT_FLOW' })).toEqual(
      [],
    );
  });

  it.each(realFlows)('accepts the real export %s', (file) => {
    const content = readFileSync(new URL(`real-flows/${file}`, fixtures), 'utf8');
    expect(validateFlow(content, { placeholders: 'foreign' })).toEqual([]);
  });

  it.each(FLOWS.map((flow) => [flow.id, flow] as const))(
    'accepts the repository flow %s in strict mode',
    (_, flow) => {
      expect(validateRepositoryFlow(flow)).toEqual([]);
    },
  );

  it('accepts the base flow used below', () => {
    expect(rulesOf(() => {})).toEqual([]);
  });

  it.each([
    [
      'an unknown action type',
      (f: Flow) => {
        action(f, 'say').Type = 'PlayPromptSomehow';
      },
      'action-type',
    ],
    [
      'a dangling transition',
      (f: Flow) => {
        action(f, 'say').Transitions.NextAction = 'nowhere';
      },
      'dangling',
    ],
    [
      'a missing start action',
      (f: Flow) => {
        f.StartAction = 'nowhere';
      },
      'dangling',
    ],
    [
      'an unreachable action',
      (f: Flow) => {
        f.Actions.push({
          Identifier: 'orphan',
          Type: 'DisconnectParticipant',
          Parameters: {},
          Transitions: {},
        });
      },
      'unreachable',
    ],
    [
      'a menu without NoMatchingError',
      (f: Flow) => {
        action(f, 'menu').Transitions.Errors.pop();
      },
      'required-error',
    ],
    [
      'a menu without NoMatchingCondition',
      (f: Flow) => {
        action(f, 'menu').Transitions.Errors.shift();
      },
      'required-error',
    ],
    [
      'a message without an error branch (strict)',
      (f: Flow) => {
        action(f, 'say').Transitions.Errors = [];
      },
      'required-error',
    ],
    [
      'menu conditions on stored input',
      (f: Flow) => {
        action(f, 'menu').Parameters.StoreInput = 'True';
        action(f, 'menu').Parameters.InputValidation = { CustomValidation: { MaximumLength: '4' } };
      },
      'input-conditions',
    ],
    [
      'stored input without validation',
      (f: Flow) => {
        action(f, 'menu').Parameters.StoreInput = 'True';
        action(f, 'menu').Transitions.Conditions = [];
      },
      'input-validation',
    ],
    [
      'a menu condition on two keys',
      (f: Flow) => {
        action(f, 'menu').Transitions.Conditions[0].Condition.Operands = ['12'];
      },
      'input-conditions',
    ],
    [
      'a menu condition with another operator',
      (f: Flow) => {
        action(f, 'menu').Transitions.Conditions[0].Condition.Operator = 'TextContains';
      },
      'input-conditions',
    ],
    [
      'an input time limit of 0',
      (f: Flow) => {
        action(f, 'menu').Parameters.InputTimeLimitSeconds = '0';
      },
      'input-time-limit',
    ],
    [
      'a duplicate identifier',
      (f: Flow) => {
        action(f, 'bye').Identifier = 'menu';
      },
      'identifier',
    ],
    [
      'an identifier with a colon',
      (f: Flow) => {
        action(f, 'say').Identifier = 'say:hello';
        f.StartAction = 'say:hello';
      },
      'identifier',
    ],
    [
      'two message sources',
      (f: Flow) => {
        action(f, 'say').Parameters.SSML = '<speak>Hi</speak>';
      },
      'message-source',
    ],
    [
      'an unknown resource placeholder',
      (f: Flow) => {
        action(f, 'say').Parameters = { Text: '${NoSuchArn}' };
      },
      'unknown-placeholder',
    ],
    [
      'a malformed placeholder',
      (f: Flow) => {
        action(f, 'say').Parameters = { Text: '${en:}' };
      },
      'unknown-placeholder',
    ],
    [
      'a prompt missing from the catalogue',
      (f: Flow) => {
        action(f, 'say').Parameters = { Text: '${en:main.nothing}' };
      },
      'unknown-prompt',
    ],
    [
      'a static prompt with slots',
      (f: Flow) => {
        action(f, 'say').Parameters = { Text: '${en:main.slotted}' };
      },
      'unknown-prompt',
    ],
  ])('rejects %s', (_, mutate, rule) => {
    expect(rulesOf(mutate)).toContain(rule);
  });

  it.each([['0'], ['9'], ['3.5'], ['$.Attributes.limit']])(
    'rejects a Lambda time limit of %s',
    (limit) => {
      const rules = rulesOf((f) => {
        action(f, 'say').Transitions.NextAction = 'lambda';
        f.Actions.push({
          Identifier: 'lambda',
          Type: 'InvokeLambdaFunction',
          Parameters: {
            LambdaFunctionARN: '${TrackingFunctionArn}',
            InvocationTimeLimitSeconds: limit,
          },
          Transitions: onError('menu'),
        });
      });
      expect(rules).toContain('lambda-time-limit');
    },
  );

  it('rejects a flow transfer without the flow to transfer to', () => {
    const rules = rulesOf((f) => {
      action(f, 'say').Transitions.NextAction = 'transfer';
      f.Actions.push({
        Identifier: 'transfer',
        Type: 'TransferToFlow',
        Parameters: {},
        Transitions: onError('menu'),
      });
    });
    expect(rules).toEqual(['missing-parameter']);
  });

  it('rejects a Loop or hours check without exactly its two conditions', () => {
    const rules = rulesOf((f) => {
      action(f, 'say').Transitions.NextAction = 'loop';
      f.Actions.push(
        {
          Identifier: 'loop',
          Type: 'Loop',
          Parameters: { LoopCount: '2' },
          Transitions: { NextAction: 'hours', Conditions: [equals('ContinueLooping', 'hours')] },
        },
        {
          Identifier: 'hours',
          Type: 'CheckHoursOfOperation',
          Parameters: {},
          Transitions: transitions('menu', { NoMatchingError: 'bye' }, [['True', 'menu']]),
        },
      );
    });
    expect(rules).toEqual(expect.arrayContaining(['loop-conditions', 'hours-conditions']));
  });

  it('rejects an action not allowed in the flow type', () => {
    const rules = rulesOf(
      (f) => {
        action(f, 'menu').Transitions.NextAction = 'queue';
        f.Actions.push({
          Identifier: 'queue',
          Type: 'TransferContactToQueue',
          Parameters: {},
          Transitions: transitions('bye', { QueueAtCapacity: 'bye', NoMatchingError: 'bye' }),
        });
        action(f, 'menu').Transitions.Conditions[0].NextAction = 'queue';
      },
      { ...repository, flowType: 'CUSTOMER_QUEUE' },
    );
    expect(rules).toContain('flow-type');
  });

  it('rejects a placeholder left in a synthesized flow', () => {
    expect(rulesOf(() => {}, { placeholders: 'filled' })).toContain('unfilled-placeholder');
  });

  it('rejects content over 256,000 characters and more than 250 actions', () => {
    const rules = rulesOf((f) => {
      action(f, 'say').Transitions.NextAction = 'm0';
      for (let i = 0; i < 260; i++) {
        f.Actions.push({
          Identifier: `m${i}`,
          Type: 'MessageParticipant',
          Parameters: { Text: 'x'.repeat(1000) },
          Transitions: onError(i < 259 ? `m${i + 1}` : 'menu'),
        });
      }
    });
    expect(rules).toEqual(expect.arrayContaining(['content-size', 'action-count']));
  });

  it('names the action and rule of each problem', () => {
    const problems = validateFlow(
      JSON.stringify({ ...baseFlow(), StartAction: 'say' }).replace(
        '"menu","Errors"',
        '"gone","Errors"',
      ),
      repository,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { action: 'say', rule: 'dangling', message: 'Transition to missing action gone' },
      ]),
    );
  });
});
