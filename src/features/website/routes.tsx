// HTTP for the website feature (ウェブサイト — the reception body notifies operators and follows the fix).
import type { Feature } from '../../platform/http/server.js';

export const websiteRoutes: Feature = (_app, _ctx) => {};
