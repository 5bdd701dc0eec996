/** Upper bound of every page of a list, in the API and in repositories. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;
