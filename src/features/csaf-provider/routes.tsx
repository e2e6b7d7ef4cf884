// The CSAF trusted provider (/.well-known/csaf/): provider-metadata.json, year folders, index.txt, changes.csv, the ROLIE feed, hashes and signatures. Reads only the public tables.
import type { Feature } from '../../platform/http/server.js';

export const csafProviderRoutes: Feature = () => {};
