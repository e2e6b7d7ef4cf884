import type { Feature } from '../../platform/http/server.js';

export const adminRoutes: Feature = () => {};
