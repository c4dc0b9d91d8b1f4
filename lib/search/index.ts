/**
 * Chinese search, pure: folding (normalize.ts), index terms (tokens.ts), and
 * matching with ranking (match.ts). The database side is lib/db/search.ts.
 */
export { normalizeForSearch, searchText, type SearchText } from './normalize';
export { indexTerms, queryTerms, termsOfFolded, type QueryTerms } from './tokens';
export { FIELD_WEIGHTS, fieldScore, matchRanges, matches, splitByRanges, type SearchField, type TextRange } from './match';
