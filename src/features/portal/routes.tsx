// HTTP for the portal feature (製品開発者 — a developer's own part of its cases, in the browser and the API).
import type { Feature } from '../../platform/http/server.js';

export const portalRoutes: Feature = (_app, _ctx) => {};
