import { FlowBuilder } from '#flows/build/builder.ts';
import { validateFlow } from '#flows/language/validator.ts';
import { loadFlowDocument } from '#flows/load.ts';
import { FLOWS } from '#flows/manifest.ts';
import { PROOF_PROMPTS } from '#flows/proof-prompts.ts';
import { validateRepositoryFlow } from '#flows/validate.ts';

const PROOF = 'tracking.ask_id_digits';

/** Problems of the proof-logging rule in a flow built here. */
const proofLogged = (flow: FlowBuilder) =>
  validateFlow(JSON.stringify(flow.document()), {
    flowType: 'CONTACT_FLOW',
    placeholders: 'foreign',
    proofPrompts: new Set([PROOF]),
  }).filter((problem) => problem.rule === 'proof-logged');

/** Asks for the proof at `ask` (its two language actions), then sends it to a Lambda at `send`. */
const proofThenSend = (flow: FlowBuilder, afterProof: string) =>
  flow
    .digits('ask', PROOF, 4, afterProof, { onTimeout: 'end', onError: 'end' })
    .invoke('send', 'TrackingFunctionArn', { idLast4: '$.StoredCustomerInput' }, 'end', 'end')
    .disconnect('end');

describe('flow logging around proof digits', () => {
  it('reports a proof prompt reached with logging on, and the call that sends its digits', () => {
    const flow = proofThenSend(new FlowBuilder('ask'), 'send');

    expect(proofLogged(flow).map((problem) => problem.action)).toEqual(
      expect.arrayContaining(['ask-en', 'ask-sw', 'send']),
    );
  });

  it('reports proof digits read after logging is back on', () => {
    const flow = proofThenSend(
      new FlowBuilder('off').flowLogging('off', 'Disabled', 'ask'),
      'on',
    ).flowLogging('on', 'Enabled', 'send');

    expect(proofLogged(flow)).toEqual([
      expect.objectContaining({ action: 'send', rule: 'proof-logged' }),
    ]);
  });

  it('accepts logging off from the prompt until the digits are sent, and on again after', () => {
    const flow = new FlowBuilder('off')
      .flowLogging('off', 'Disabled', 'ask')
      .digits('ask', PROOF, 4, 'send', { onTimeout: 'on', onError: 'on' })
      .invoke('send', 'TrackingFunctionArn', { idLast4: '$.StoredCustomerInput' }, 'on', 'on')
      .flowLogging('on', 'Enabled', 'end')
      .disconnect('end');

    expect(proofLogged(flow)).toEqual([]);
  });

  it('finds every proof prompt in a committed flow, and none logged in any flow', () => {
    const spoken = new Set(
      FLOWS.flatMap((flow) =>
        loadFlowDocument(flow.file).Actions.map((action) => JSON.stringify(action.Parameters)),
      ).flatMap((parameters) => [...parameters.matchAll(/\$\{en:([^}]+)\}/g)].map((m) => m[1])),
    );

    expect([...PROOF_PROMPTS].filter((prompt) => !spoken.has(prompt))).toEqual([]);
    expect(PROOF_PROMPTS.size).toBeGreaterThanOrEqual(3);
    expect(
      FLOWS.flatMap((flow) =>
        validateRepositoryFlow(flow).filter((problem) => problem.rule === 'proof-logged'),
      ),
    ).toEqual([]);
  });
});
