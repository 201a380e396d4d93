import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { trackingDialogue } from '#lambdas/tracking/dialogue.ts';
import { FlowBuilder } from './builder.ts';
import { exits } from './exits.ts';
import { renderDialogue, stepEntry } from './voice-dialogue.ts';

/** Track a document application: the voice rendering of lambdas/tracking/dialogue.ts. */
export const trackingFlow = (): FlowDocument =>
  exits(
    renderDialogue(
      new FlowBuilder(stepEntry(trackingDialogue, trackingDialogue.start)),
      trackingDialogue,
    ),
    'GeneralQueueArn',
    'tracking',
  ).document();
