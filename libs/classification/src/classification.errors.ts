/** Codes for invalid calls to the classification library, mapped once to API and CLI errors. */
export enum ClassificationErrorCode {
  INVALID_INPUT = 'CLASSIFICATION_INVALID_INPUT',
  INVALID_OPTION = 'CLASSIFICATION_INVALID_OPTION',
}

/** Raised for malformed input. The message names the offending property and never echoes sampled values. */
export class ClassificationError extends Error {
  constructor(
    readonly code: ClassificationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClassificationError';
  }
}
