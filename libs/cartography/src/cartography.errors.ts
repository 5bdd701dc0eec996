import { DomainError, ErrorKind } from '@cartographer/common';

/** Codes of @cartographer/cartography. */
export enum CartographyErrorCode {
  /** A map view state (a URL query string or a state object) that does not follow its format; names the parameter. */
  INVALID_VIEW_STATE = 'CARTOGRAPHY_INVALID_VIEW_STATE',
  /** A layout, rendering or cache option out of its bounds. */
  INVALID_OPTION = 'CARTOGRAPHY_INVALID_OPTION',
}

export const CARTOGRAPHY_ERROR_KINDS: Readonly<Record<CartographyErrorCode, ErrorKind>> = {
  [CartographyErrorCode.INVALID_VIEW_STATE]: ErrorKind.INVALID_INPUT,
  [CartographyErrorCode.INVALID_OPTION]: ErrorKind.INVALID_INPUT,
};

export class CartographyError extends DomainError<CartographyErrorCode> {
  constructor(
    code: CartographyErrorCode,
    message: string,
    /** The parameter or option at fault, e.g. `depth` or `filters.jurisdictions`. */
    readonly parameter: string,
  ) {
    super(code, message, CARTOGRAPHY_ERROR_KINDS);
  }

  override details(): Record<string, unknown> {
    return { parameter: this.parameter };
  }
}
