import aslValidator from 'asl-validator';
import agencies from '#data/agencies.json' with { type: 'json' };
import {
  agencyContacts,
  callbackPolicy,
  escalationPolicyFor,
} from '#shared/tickets/escalation-policy.ts';
import { slaPolicies } from '#shared/tickets/sla.ts';
import {
  definitionText,
  definitionWith,
  STATE_MACHINES,
} from '../../state-machines/definitions.ts';

const filled = () =>
  definitionWith('complaintEscalation', {
    EscalationFunctionArn: 'arn:aws:lambda:af-south-1:111122223333:function:huduma-escalation',
  });

describe('complaint escalation state machine definition', () => {
  it('is valid Amazon States Language once its placeholders are filled', () => {
    const { isValid, errorsText } = aslValidator(filled() as never);
    expect({ isValid, errors: errorsText('\n') }).toEqual({ isValid: true, errors: '' });
  });

  it('names only the placeholders the CDK and the local runner fill', () => {
    const placeholders = [...definitionText('complaintEscalation').matchAll(/\$\{(\w+)\}/g)].map(
      (match) => match[1],
    );
    expect(new Set(placeholders)).toEqual(
      new Set(Object.keys(STATE_MACHINES.complaintEscalation.functions)),
    );
    expect(() => definitionWith('complaintEscalation', {})).toThrow(/EscalationFunctionArn/);
  });

  it('waits on a task token with a timeout, is woken by resolution, and never fails for good', () => {
    const { States } = filled() as { States: Record<string, Record<string, unknown>> };
    const wait = States['Wait for the next step or the resolution']!;
    expect(wait).toMatchObject({
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      TimeoutSecondsPath: '$.Payload.waitSeconds',
    });
    // Every task either retries and catches everything or leads back into the loop.
    for (const name of ['Escalate', 'Wait for the next step or the resolution']) {
      const catches = (States[name]!.Catch as { ErrorEquals: string[] }[]).flatMap(
        (c) => c.ErrorEquals,
      );
      expect(catches).toContain('States.ALL');
    }
  });
});

describe('escalation data', () => {
  it('has an escalation for every complaint policy: notify, 24 h, 48 h, breach at the resolution time', () => {
    for (const policy of slaPolicies.filter((p) => p.ticketType === 'COMPLAINT')) {
      const escalation = escalationPolicyFor(policy.id);
      expect(escalation).toBeDefined();
      const steps = escalation!.steps;
      expect(steps[0]!.afterMin).toBe(0);
      expect(steps.at(-1)).toMatchObject({ breach: true, afterMin: policy.resolutionMin });
    }
    expect(escalationPolicyFor('complaint-standard')!.steps.map((s) => s.afterMin / 60)).toEqual([
      0, 24, 48, 72,
    ]);
  });

  it('has a complaints focal person and a head for every agency', () => {
    expect(Object.keys(agencyContacts).sort()).toEqual(agencies.map((a) => a.id).sort());
  });

  it('calls back 3 times before texting', () => {
    expect(callbackPolicy.maxAttempts).toBe(3);
  });
});
