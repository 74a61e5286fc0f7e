/** Events stage: PLOVER events with modes, contexts and CAMEO codes. (Placeholder until issue 6 lands.) */
import type { Stage } from '../pipeline/index.js';

/** The events stage: assigns events. Reads quotes when present to mark reported events. */
export function eventsStage(): Stage {
  return {
    name: 'events.placeholder.v0',
    requires: ['tokens', 'sentences', 'mentions'],
    assigns: ['events'],
    run() {
      throw new Error('events stage not built yet');
    },
  };
}
