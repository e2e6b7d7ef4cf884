// Feeds and per-advisory exports: JVNRSS (RSS 1.0 with sec:), Atom, CVE JSON 5 and OSV. Reads only the public tables.
import type { Feature } from '../../platform/http/server.js';

export const feedsRoutes: Feature = () => {};
