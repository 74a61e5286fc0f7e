/** The store package: the backend contract and the SQLite backend. */
export * from './store.js';
export * from './sqlite.js';
