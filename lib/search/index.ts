/**
 * Chinese search, pure: folding (normalize.ts), matching with ranking
 * (match.ts), and the search column that answers searches and filters in
 * memory (column.ts). Where the column is stored: lib/db/search-store.ts.
 */
export { normalizeForSearch, searchText, type SearchText } from './normalize';
export { FIELD_WEIGHTS, fieldScore, matchRanges, matches, splitByRanges, type SearchField } from './match';
export { foldQuery, OWN_AUTHOR, PACK_NOTES, SearchColumn, type ColumnHit, type ColumnQuery, type ColumnResult, type ColumnSort, type ColumnSource, type Pack } from './column';
