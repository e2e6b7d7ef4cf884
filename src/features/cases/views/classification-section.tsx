// The form "統計用の分類 / Classification for statistics" on a case's working page (the coordination workspace,
// the website case page): selects with the statistics' own category labels, the flags of a product case, the
// saved values (or what the data suggests, marked as not saved), and after a refused post what was chosen.
import { CsrfField, ErrorSummary, type Errors, SelectField } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { type ClassificationView, FIELD_CODES } from '../classify-case.js';

/** The form's name on a page (problems of a refused post are keyed by it) and the prefix of its controls' ids. */
export const CLASSIFICATION_FORM = 'classification';

const SELECTS = {
  software: ['productType', 'cause'],
  website: ['threat', 'operatorType'],
} as const;
const FLAGS = ['oss', 'embedded', 'ics'] as const;

export function ClassificationSection({
  v,
  action,
  view,
  errors,
  values,
  summary,
}: {
  v: ViewContext;
  /** where the form posts */
  action: string;
  view: ClassificationView;
  /** a refused post of this form: its errors (worded) and what was posted */
  errors?: Errors;
  values?: Record<string, string> | undefined;
  /** whether the form shows its own error summary (a page that lists every form's errors does not need it) */
  summary?: boolean;
}) {
  const { t } = v;
  const id = (name: string) => `${CLASSIFICATION_FORM}-${name}`;
  const saved = view.values as Record<string, unknown>;
  const chosen = (name: string): string =>
    values ? (values[name] ?? '') : typeof saved[name] === 'string' ? (saved[name] as string) : '';
  const checked = (name: string): boolean => (values ? values[name] === 'on' : saved[name] === true);
  const ids = Object.fromEntries([...SELECTS.software, ...SELECTS.website, ...FLAGS].map((n) => [n, id(n)]));
  const suggestedType = view.suggested.operatorType;
  return (
    <section id={CLASSIFICATION_FORM} aria-labelledby={id('title')}>
      <h2 id={id('title')}>{t('cases.classification.title')}</h2>
      <p>{t('cases.classification.intro')}</p>
      <form method="post" action={action} class="stacked" id={`form-${CLASSIFICATION_FORM}`}>
        <CsrfField v={v} />
        {summary && <ErrorSummary v={v} errors={errors} ids={ids} />}
        {SELECTS[view.track].map((name) => (
          <SelectField
            key={name}
            name={name}
            id={id(name)}
            label={t(`cases.classification.${name}`)}
            hint={
              name === 'operatorType' && suggestedType && !values
                ? t('cases.classification.suggestedOperatorType', {
                    label: t(`statistics.categories.operatorType.${suggestedType}`),
                  })
                : undefined
            }
            errors={errors}
            placeholder={t('cases.classification.unclassified')}
            options={FIELD_CODES[name].map((code) => ({
              value: code,
              label: t(`statistics.categories.${name}.${code}`),
            }))}
            value={chosen(name)}
          />
        ))}
        {view.track === 'software' && (
          <fieldset
            class="field"
            aria-describedby={view.suggested.ics && !values ? id('ics-hint') : undefined}
          >
            <legend>{t('cases.classification.flags')}</legend>
            {view.suggested.ics && !values && (
              <p class="hint" id={id('ics-hint')}>
                {t('cases.classification.suggestedIcs')}
              </p>
            )}
            {FLAGS.map((name) => {
              const err = errors?.[name];
              return (
                <div key={name} class={`checkbox${err?.length ? ' has-error' : ''}`}>
                  {err?.length ? (
                    <p class="error" id={`${id(name)}-error`}>
                      {err.join(' ')}
                    </p>
                  ) : null}
                  <input
                    type="checkbox"
                    id={id(name)}
                    name={name}
                    value="on"
                    checked={checked(name)}
                    aria-invalid={err?.length ? 'true' : undefined}
                    aria-describedby={err?.length ? `${id(name)}-error` : undefined}
                  />{' '}
                  <label for={id(name)}>{t(`cases.classification.${name}`)}</label>
                </div>
              );
            })}
          </fieldset>
        )}
        <button type="submit">{t('cases.classification.save')}</button>
      </form>
    </section>
  );
}
