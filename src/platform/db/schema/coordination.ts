// Kysely's view of the coordination tables (see the matching SQL migration, the source of truth). Merged into DB.
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the coordination migration grows
export interface CoordinationTables {}
