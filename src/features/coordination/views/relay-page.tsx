// The reception body's relay page: post the finder's question (without anything that identifies the finder),
// read the coordinator's answers.
import { TextArea } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { MessageView } from '../queries.js';
import { At, PostForm } from './parts.js';

export const relayPath = (reference: string) =>
  `/coordination/cases/${encodeURIComponent(reference)}/finder-relay`;

export function RelayPage(props: {
  v: ViewContext;
  reference: string;
  messages: MessageView[];
  notice?: string | undefined;
  errors?: Record<string, string[]> | undefined;
  value?: string | undefined;
}) {
  const { v, reference, messages } = props;
  const { t } = v;
  const title = t('coordination.relayPage.title', { reference });
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <p>{t('coordination.relayPage.intro')}</p>
      <h2>{t('coordination.relayPage.thread')}</h2>
      {messages.length === 0 && <p>{t('coordination.relayPage.empty')}</p>}
      <ol class="thread">
        {messages.map((m) => (
          <li key={m.id}>
            <At v={v} at={m.createdAt} /> · {t(`coordination.sides.${m.authorSide}`)}
            <pre class="mail">{m.body}</pre>
          </li>
        ))}
      </ol>
      <PostForm v={v} action={relayPath(reference)}>
        <TextArea
          name="body"
          label={t('coordination.relayPage.question')}
          value={props.value}
          errors={props.errors}
          rows={5}
          required
        />
        <button type="submit">{t('coordination.relayPage.send')}</button>
      </PostForm>
    </Layout>
  );
}
