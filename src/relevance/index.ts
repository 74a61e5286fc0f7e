/** The relevance package: does a sentence, or a document, carry political event content? */
export { relevanceStage, RELEVANCE_STAGE } from './stage.js';
export { scoreSentences, scoreDoc, loadRelevanceModel, setRelevanceModel, type RelevanceModel } from './model.js';
export { SENTENCE_THRESHOLD, DOC_THRESHOLD } from './thresholds.js';
export { splitOf, type SplitName } from './split.js';
