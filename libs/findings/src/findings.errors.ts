export enum FindingsErrorCode {
  NOT_FOUND = 'FINDINGS_NOT_FOUND',
  INVALID_INPUT = 'FINDINGS_INVALID_INPUT',
}

export class FindingsError extends Error {
  constructor(
    readonly code: FindingsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FindingsError';
  }
}
