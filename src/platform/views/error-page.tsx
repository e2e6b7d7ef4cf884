import { Layout } from './layout.js';
import type { ViewContext } from './view-context.js';

export function ErrorPage({ v, status, message }: { v: ViewContext; status: number; message: string }) {
  return (
    <Layout v={v} title={v.t('errors.title')}>
      <h1>
        {v.t('errors.title')} ({status})
      </h1>
      <p class="error-message">{message}</p>
      <p>
        <a href="/">{v.t('errors.backHome')}</a>
      </p>
    </Layout>
  );
}
