/** Event clusters: which event mentions report the same real-world event. */
export * from './key.js';
export * from './group.js';
