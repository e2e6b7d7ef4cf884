// The reception console (受付機関の審査画面): the queue, a report's page with its attachments, and the forms that
// change it. Routes stay thin: parse, call one use case, render or redirect (303).
import type { Feature } from '../../platform/http/server.js';
import { queueRoutes } from './queue-routes.js';
import { reportFormRoutes } from './report-form-routes.js';
import { reportRoutes } from './report-routes.js';

export const screeningRoutes: Feature = (app, ctx) => {
  queueRoutes(app, ctx);
  reportRoutes(app, ctx);
  reportFormRoutes(app, ctx);
};
