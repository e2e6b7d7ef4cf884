// A closed set of coded errors. Use cases throw these; one HTTP mapper turns them into responses.
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'too_large';

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** an i18n key; the HTTP layer renders it in the user's language */
    readonly messageKey: string,
    readonly fields?: FieldErrors,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

export const forbidden = () => new AppError('forbidden', 'errors.forbidden');
export const notFound = () => new AppError('not_found', 'errors.notFound');

export const httpStatus: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
};
