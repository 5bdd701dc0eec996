import { DomainError, ErrorKind } from '@cartographer/common';

/** Codes for invalid calls to the classification library, mapped once to API and CLI errors. */
export enum ClassificationErrorCode {
  INVALID_INPUT = 'CLASSIFICATION_INVALID_INPUT',
  INVALID_OPTION = 'CLASSIFICATION_INVALID_OPTION',
}

const KINDS: Readonly<Record<ClassificationErrorCode, ErrorKind>> = {
  [ClassificationErrorCode.INVALID_INPUT]: ErrorKind.INVALID_INPUT,
  [ClassificationErrorCode.INVALID_OPTION]: ErrorKind.INVALID_INPUT,
};

/** Raised for malformed input. The message names the offending property and never echoes sampled values. */
export class ClassificationError extends DomainError<ClassificationErrorCode> {
  constructor(code: ClassificationErrorCode, message: string) {
    super(code, message, KINDS);
  }
}
