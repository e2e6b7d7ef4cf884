// HTTP for the coordination feature (調整 — the coordination body's workspace on a product case).
import type { Feature } from '../../platform/http/server.js';

export const coordinationRoutes: Feature = (_app, _ctx) => {};
