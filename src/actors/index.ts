/** Actors stage: mentions of countries, organisations, sectors and people, resolved to codes. (Placeholder until issue 5 lands.) */
import type { ActorCode } from '../doc/index.js';
import type { Stage } from '../pipeline/index.js';

/** The actors stage: assigns mentions. */
export function actorsStage(): Stage {
  return {
    name: 'actors.placeholder.v0',
    requires: ['tokens', 'sentences', 'entities'],
    assigns: ['mentions'],
    run() {
      throw new Error('actors stage not built yet');
    },
  };
}

/** A mention to resolve on its own: its text, the sentence around it, and the date. */
export interface MentionQuery {
  text: string;
  context?: string;
  date?: string;
}

/** Resolve one mention to an actor, or null when nothing is known of it. */
export function resolveMention(_q: MentionQuery): (ActorCode & { confidence: number }) | null {
  throw new Error('actors stage not built yet');
}
