import type { Feature } from '../../platform/http/server.js';

export const outboxRoutes: Feature = () => {};
