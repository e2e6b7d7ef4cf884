// Ids in the directory's addresses and forms are UUIDs; anything else names nothing (a 404 or an empty answer), and
// never reaches PostgreSQL, which would refuse it as an error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
