import type { Feature } from '../../platform/http/server.js';

export const auditRoutes: Feature = () => {};
