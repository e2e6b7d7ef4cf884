// The admin feature: organizations and their users.
import type { Feature } from '../../platform/http/server.js';
import { organizationRoutes } from './organization-routes.js';
import { userRoutes } from './user-routes.js';

export const adminRoutes: Feature = (app, ctx) => {
  organizationRoutes(app, ctx);
  userRoutes(app, ctx);
};
