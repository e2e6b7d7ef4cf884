// The reception body's OpenPGP key: a page to read and compare it, and the armored key as a download.
import type { AppContext } from '../../../platform/context.js';
import { type App, sendPage, viewContext } from '../../../platform/http/server.js';
import { receptionPublicKey } from '../reception-key.js';
import { PgpKeyPage } from '../views/pgp-key-page.js';

export function pgpRoutes(app: App, ctx: AppContext): void {
  app.get('/reports/pgp-key', { schema: { hide: true } }, async (req, reply) => {
    const pgpKey = await receptionPublicKey(ctx);
    return sendPage(reply, <PgpKeyPage v={viewContext(req, reply)} pgpKey={pgpKey} />);
  });

  app.get('/.well-known/keikai-reception.asc', { schema: { hide: true } }, async (_req, reply) => {
    const pgpKey = await receptionPublicKey(ctx);
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', 'attachment; filename="keikai-reception.asc"')
      .header('cache-control', 'public, max-age=3600')
      .send(pgpKey.armored);
  });
}
