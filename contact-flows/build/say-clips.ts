import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { continueTo, FlowBuilder } from './builder.ts';

/** Kiswahili clips a handler may render for one message (lambdas/shared/speech/render.ts MAX_CLIPS). */
const MAX_CLIPS = 16;

/** Plays $.External.clip1..clipN (N = $.External.clipCount), then returns to the calling flow. */
export const sayClipsModule = (): FlowDocument => {
  const flow = new FlowBuilder('clip-1');
  for (let i = 1; i <= MAX_CLIPS; i++) {
    const following = i < MAX_CLIPS ? `clip-${i + 1}` : 'done';
    flow
      .add(
        `clip-${i}`,
        'Compare',
        { ComparisonValue: '$.External.clipCount' },
        {
          NextAction: `play-${i}`,
          Errors: [{ ErrorType: 'NoMatchingCondition', NextAction: `play-${i}` }],
          Conditions: [
            {
              NextAction: 'done',
              Condition: { Operator: 'NumberLessThan', Operands: [String(i)] },
            },
          ],
        },
      )
      .add(
        `play-${i}`,
        'MessageParticipant',
        { Media: { Uri: `$.External.clip${i}`, SourceType: 'S3', MediaType: 'Audio' } },
        continueTo(following),
      );
  }
  return flow.add('done', 'EndFlowModuleExecution', {}, {}).document();
};
