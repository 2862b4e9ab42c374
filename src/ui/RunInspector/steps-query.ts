/** Steps per page: the API's maximum, so a 10 000-step run takes 100 requests, not 500. */
export const stepsPageSize = 100;
/** The inspector's one steps query: the header, the trace and the export read the same cache entry. */
export const stepsQueryParams = { order: 'asc', limit: stepsPageSize } as const;
