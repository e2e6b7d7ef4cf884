// Where the database is: DATABASE_URL if set (PostgreSQL ≥ 15, nothing started), else the embedded server.
import type { Config } from '../../config.js';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded.js';

export interface DatabaseHandle {
  url: string;
  embedded: EmbeddedServer | null;
  stop(): Promise<void>;
}

export async function connectDatabase(config: Config, log: (line: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: null, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir, { log });
  return { url: embedded.url, embedded, stop: () => embedded.stop() };
}
