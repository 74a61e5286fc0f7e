/** Near-duplicate articles: MinHash signatures, LSH bands and the earliest-member rule. */
export * from './minhash.js';
export * from './earliest.js';
