/** Actors stage: mentions of countries, organisations, sectors and people, resolved to codes (see docs/actors.md). */
export { actorsStage, findMentions } from './stage.js';
export { resolveMention, type MentionQuery } from './resolve.js';
