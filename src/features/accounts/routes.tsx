// The accounts feature's HTTP surface: log in and out, second factor, password reset, invitations,
// the account page and `GET /api/v1/me`. Each route validates, calls one use case, and renders or redirects.
import type { Feature } from '../../platform/http/server.js';
import { accountRoutes } from './routes/account.js';
import { apiRoutes } from './routes/api.js';
import { invitationRoutes } from './routes/invitations.js';
import { loginRoutes } from './routes/login.js';
import { mfaRoutes } from './routes/mfa.js';
import { passwordRoutes } from './routes/password.js';

export const accountsRoutes: Feature = (app, ctx) => {
  loginRoutes(app, ctx);
  mfaRoutes(app, ctx);
  passwordRoutes(app, ctx);
  invitationRoutes(app, ctx);
  accountRoutes(app, ctx);
  apiRoutes(app, ctx);
};
