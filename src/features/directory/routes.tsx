// HTTP for the directory feature (名簿 — product developers', CSIRTs' and website operators' contact windows).
import type { Feature } from '../../platform/http/server.js';

export const directoryRoutes: Feature = (_app, _ctx) => {};
