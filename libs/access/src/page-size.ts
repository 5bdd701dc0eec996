import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@cartographer/common';
import { AccessError, AccessErrorCode } from './access.errors.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

/** Returns a valid page size (default when absent) or throws INVALID_INPUT naming the bound. */
export function assertPageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new AccessError(
      AccessErrorCode.INVALID_INPUT,
      `first: expected an integer from 1 to ${MAX_PAGE_SIZE}, got ${first}`,
    );
  }
  return first;
}
