// The intake feature's HTTP surface (届出受付): the public report forms and receipt, the JSON intake, the finder's
// follow-up link, a finder account's own reports, and the reception body's OpenPGP key.
import type { Feature } from '../../platform/http/server.js';
import { apiRoutes } from './routes/api.js';
import { followUpRoutes } from './routes/follow-up.js';
import { formRoutes } from './routes/forms.js';
import { myReportsRoutes } from './routes/my-reports.js';
import { pgpRoutes } from './routes/pgp.js';

export const intakeRoutes: Feature = (app, ctx) => {
  formRoutes(app, ctx);
  apiRoutes(app, ctx);
  followUpRoutes(app, ctx);
  myReportsRoutes(app, ctx);
  pgpRoutes(app, ctx);
};
