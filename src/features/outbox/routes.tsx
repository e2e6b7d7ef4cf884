// /admin/outbox: the outgoing mail, one message with its body, and a test message to oneself.
import { type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { listMail, mailFilter } from './list-mail.js';
import { readMail } from './read-mail.js';
import { sendTestMail } from './send-test-mail.js';
import { MailPage } from './views/mail-page.js';
import { OutboxPage } from './views/outbox-page.js';

export const outboxRoutes: Feature = (app, ctx) => {
  app.get('/admin/outbox', { schema: { hide: true } }, async (req, reply) => {
    const parsed = parseInput(mailFilter, req.query, req.locale);
    const filter = parsed.ok ? parsed.data : {};
    const list = await listMail(ctx, req.actor, filter);
    const notice =
      (req.query as { queued?: string }).queued === '1' ? req.t('outbox.test.queued') : undefined;
    return sendPage(
      reply,
      <OutboxPage
        v={viewContext(req, reply)}
        list={list}
        filter={filter}
        errors={parsed.ok ? undefined : parsed.errors}
        notice={notice}
      />,
      parsed.ok ? 200 : 400,
    );
  });

  app.post('/admin/outbox/test', { schema: { hide: true } }, async (req, reply) => {
    await sendTestMail(ctx, req.actor, { ip: req.ip });
    return reply.redirect('/admin/outbox?queued=1', 303);
  });

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', { schema: { hide: true } }, async (req, reply) => {
    const mail = await readMail(ctx, req.actor, { id: req.params.id, ip: req.ip });
    return sendPage(reply, <MailPage v={viewContext(req, reply)} mail={mail} />);
  });
};
