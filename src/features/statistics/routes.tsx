// Statistics (届出状況): the public dashboard, the quarterly report, and the CSV/JSON downloads and API, computed
// by the engine from the case history as of any day.
import type { Feature } from '../../platform/http/server.js';

export const statisticsRoutes: Feature = () => {};
