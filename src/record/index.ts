/** The event record: one shape for every output, built from a Doc or from store rows. */
export * from './record.js';
export * from './site.js';
export * from './from-doc.js';
export * from './from-row.js';
