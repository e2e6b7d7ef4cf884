// The public vulnerability database (脆弱性対策情報データベース): latest advisories, search, advisory and developer pages, and the JSON API. Reads only the public tables (public-db.ts).
import type { Feature } from '../../platform/http/server.js';

export const vulndbRoutes: Feature = () => {};
