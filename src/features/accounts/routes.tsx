import type { Feature } from '../../platform/http/server.js';

export const accountsRoutes: Feature = () => {};
