/** The doc package: the shared data model all stages import. */
export * from './types.js';
export * from './doc.js';
export * from './errors.js';
export * from './resources.js';
export * from './views.js';
export * from './calendar.js';
export * from './tokens.js';
