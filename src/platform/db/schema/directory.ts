// Kysely's view of the directory tables (see the matching SQL migration, the source of truth). Merged into DB.
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the directory migration grows
export interface DirectoryTables {}
