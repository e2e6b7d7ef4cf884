// What PostgreSQL's errors mean for a caller, by SQLSTATE — one place, so every feature reads them alike.

/** A unique index said no (two people or two workers doing the same thing at once). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}
