/** The pipeline package: stage contract and runner. */
export * from './stage.js';
export * from './pipeline.js';
