import { InventoryError, InventoryErrorCode } from '@cartographer/inventory';
import { ApiErrorCode, registerDomainErrors } from '../errors/api-error-codes.js';

/** How inventory errors reach clients; imported once by InventoryApiModule. */
registerDomainErrors(
  InventoryError,
  {
    [InventoryErrorCode.INVALID_SYNTAX]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.INVALID_DOCUMENT]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.INVALID_INPUT]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.MISSING_REFERENCE]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.DUPLICATE_KEY]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.NOT_FOUND]: ApiErrorCode.NOT_FOUND,
    [InventoryErrorCode.REFERENCED]: ApiErrorCode.CONFLICT,
    [InventoryErrorCode.CONFLICT]: ApiErrorCode.CONFLICT,
  },
  // Every problem of a refused document, with its path: clients show them next to the input.
  (error) => (error.issues.length > 0 ? { issues: error.issues.slice(0, 100) } : {}),
);
