// HTTP for the operator feature (ウェブサイト運営者 — the operator answers a notice, by account or secret link).
import type { Feature } from '../../platform/http/server.js';

export const operatorRoutes: Feature = (_app, _ctx) => {};
