/**
 * Chinese search, pure: folding (normalize.ts), index terms (tokens.ts), and
 * matching with ranking (match.ts), and the time-ordered posting keys the
 * index stores (postings.ts). The database side is lib/db/search.ts.
 */
export { normalizeForSearch, searchText, type SearchText } from './normalize';
export { indexTerms, queryTerms, termsOfFolded, type QueryTerms } from './tokens';
export { facetName, hostOfKey, noteFacets, postingKey, postingRange, prefixRange, timeKey, timeOfKey, MAX_TIME, TERM_END, type Facet, type KeyRange } from './postings';
export { FIELD_WEIGHTS, fieldScore, matchRanges, matches, splitByRanges, type SearchField, type TextRange } from './match';
