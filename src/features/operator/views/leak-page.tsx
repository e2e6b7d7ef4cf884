// The leak publication helper (§6): the guideline's guidance, the draft form (overview, period, number, kinds of
// data, cause, contact, and the published page once it is up), and the notice as plain text in Japanese and
// English, ready to print or copy to the operator's own site.
import { formatInstant } from '../../../domain/time.js';
import { CsrfField, ErrorSummary, Field, TextArea } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { LEAK_ITEMS } from '../leak-preview.js';
import { str } from './choices.js';
import { type FormState, HandlingNumber } from './operator-case-page.js';

const GUIDANCE = ['g1', 'g2', 'g3', 'g4', 'g5'] as const;
const MULTILINE = new Set(['overview', 'dataKinds', 'cause', 'contact']);

export function LeakPage(props: {
  v: ViewContext;
  reference: string;
  prefix: string;
  /** false: no completion report says personal data leaked */
  available: boolean;
  action: string;
  back: string;
  textLinks: { ja: string; en: string };
  form: FormState;
  preview: { ja: string; en: string } | null;
  publishedAt: Date | null;
  notice?: 'leakSaved' | 'completed' | undefined;
}) {
  const { v } = props;
  const { t } = v;
  const title = t('operator.leak.title', { reference: props.reference });
  const values = props.form.values ?? {};
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {t(`operator.case.notices.${props.notice}`)}
        </p>
      )}
      <HandlingNumber v={v} reference={props.reference} prefix={props.prefix} />
      {!props.available ? (
        <p>{t('operator.leak.notAvailable')}</p>
      ) : (
        <>
          <p>{t('operator.leak.intro')}</p>
          <section aria-labelledby="guidance">
            <h2 id="guidance">{t('operator.leak.guidanceHeading')}</h2>
            <ul>
              {GUIDANCE.map((g) => (
                <li key={g}>{t(`operator.leak.guidance.${g}`)}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="draft">
            <h2 id="draft">{t('operator.leak.draftHeading')}</h2>
            <p class="hint">{t('operator.leak.draftHint')}</p>
            {props.publishedAt && (
              <p>{t('operator.leak.published', { at: formatInstant(props.publishedAt, v) })}</p>
            )}
            <ErrorSummary v={v} errors={props.form.errors} />
            <form method="post" action={props.action}>
              <CsrfField v={v} />
              {LEAK_ITEMS.map((item) =>
                MULTILINE.has(item) ? (
                  <TextArea
                    key={item}
                    name={item}
                    label={t(`operator.leak.fields.${item}`)}
                    value={str(values, item)}
                    rows={4}
                    errors={props.form.errors}
                  />
                ) : (
                  <Field
                    key={item}
                    name={item}
                    label={t(`operator.leak.fields.${item}`)}
                    value={str(values, item)}
                    errors={props.form.errors}
                  />
                ),
              )}
              <Field
                name="publishedUrl"
                type="url"
                label={t('operator.leak.fields.publishedUrl')}
                value={str(values, 'publishedUrl')}
                errors={props.form.errors}
              />
              <button type="submit">{t('operator.leak.save')}</button>
            </form>
          </section>
          {props.preview && (
            <section aria-labelledby="preview">
              <h2 id="preview">{t('operator.leak.previewHeading')}</h2>
              <p class="hint">{t('operator.leak.previewHint')}</p>
              <h3>{t('operator.leak.previewJa')}</h3>
              <pre class="mail" lang="ja">
                {props.preview.ja}
              </pre>
              <p>
                <a href={props.textLinks.ja}>
                  {t('operator.leak.plainText', { lang: t('operator.leak.previewJa') })}
                </a>
              </p>
              <h3>{t('operator.leak.previewEn')}</h3>
              <pre class="mail" lang="en">
                {props.preview.en}
              </pre>
              <p>
                <a href={props.textLinks.en}>
                  {t('operator.leak.plainText', { lang: t('operator.leak.previewEn') })}
                </a>
              </p>
            </section>
          )}
        </>
      )}
      <p>
        <a href={props.back}>{t('operator.leak.back')}</a>
      </p>
    </Layout>
  );
}
