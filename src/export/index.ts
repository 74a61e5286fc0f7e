/** Exports: JSON lines, CSV, GDELT 2.0 TSV and Parquet, all from the one event record. */
export * from './flat.js';
export * from './csv.js';
export * from './gdelt.js';
export * from './parquet.js';
export * from './write.js';
