// HTTP for the developer portal (製品開発者 — a developer's own part of its cases): the pages and the JSON API.
import type { Feature } from '../../platform/http/server.js';
import { apiRoutes } from './api.js';
import { pageRoutes } from './page-routes.js';

export const portalRoutes: Feature = (app, ctx) => {
  pageRoutes(app, ctx);
  apiRoutes(app, ctx);
};
