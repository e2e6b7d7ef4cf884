// Kysely's view of the website tables (see the matching SQL migration, the source of truth). Merged into DB.
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the website migration grows
export interface WebsiteTables {}
