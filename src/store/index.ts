/** The store package: the backend contract, openStore, and the SQLite and Postgres backends. */
export * from './store.js';
export * from './open.js';
export * from './api-reader.js';
export * from './sqlite.js';
export * from './postgres.js';
export * from './fetchstate.js';
