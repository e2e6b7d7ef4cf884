// Small parts the advisory staff pages share: moments (JST and the viewer's zone), one-button forms, notices, the
// side-by-side bilingual fields, rows of plain fields, the change-note fields and the mention warning.
import type { ComponentChildren } from 'preact';
import { formatInstant } from '../../../domain/time.js';
import { CsrfField, type Errors, Field, TextArea } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { type FormValues, rowIndexes } from '../advisory-input.js';
import type { Mention } from '../prerelease-mask.js';

// a moment in JST and in the viewer's zone: the coordination pages' own
export { Moment } from '../../coordination/views/parts.js';

export const when = (v: ViewContext, at: Date) =>
  formatInstant(at, { locale: v.locale, timeZone: v.timeZone });

export function PostButton(props: {
  v: ViewContext;
  action: string;
  label: string;
  hint?: string;
  id: string;
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField v={props.v} />
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <button type="submit" aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
        {props.label}
      </button>
    </form>
  );
}

export function Notices({ notice, warning }: { notice?: string | undefined; warning?: string | undefined }) {
  return (
    <>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {warning && (
        <p class="notice warning">
          <strong>{warning}</strong>
        </p>
      )}
    </>
  );
}

export type FormCtx = { v: ViewContext; values: FormValues; errors: Errors };

/** One thing in both languages, side by side. */
export function Bi(
  props: FormCtx & { ja: string; en: string; label: string; multiline?: boolean; required?: boolean },
) {
  const { v, values, errors } = props;
  const one = (name: string, lang: 'ja' | 'en') => {
    const label = v.t(lang === 'ja' ? 'advisories.form.labelJa' : 'advisories.form.labelEn', {
      field: props.label,
    });
    return props.multiline ? (
      <TextArea name={name} label={label} value={values[name]} errors={errors} lang={lang} rows={5} />
    ) : (
      <Field
        name={name}
        label={label}
        value={values[name]}
        errors={errors}
        required={lang === 'ja' ? props.required : undefined}
      />
    );
  };
  return (
    <div class="bilingual">
      {one(props.ja, 'ja')}
      {one(props.en, 'en')}
    </div>
  );
}

/** Plain fields of one row (`prefix` + name), each labelled by its catalog key, side by side. */
export function Fields(
  props: FormCtx & {
    prefix: string;
    fields: { name: string; label: string; hint?: string; type?: 'url' }[];
    bilingual?: boolean;
  },
) {
  const { v, values, errors, prefix } = props;
  const list = props.fields.map((x) => (
    <Field
      key={x.name}
      name={`${prefix}${x.name}`}
      {...(x.type ? { type: x.type } : {})}
      label={v.t(x.label)}
      hint={x.hint ? v.t(x.hint) : undefined}
      value={values[`${prefix}${x.name}`]}
      errors={errors}
    />
  ));
  return props.bilingual === false ? list : <div class="bilingual">{list}</div>;
}

/** The revision's change note (Japanese, English), side by side. */
export function ChangeNoteFields({ v, values, errors }: FormCtx) {
  const one = (name: 'changeNoteJa' | 'changeNoteEn', lang: 'ja' | 'en') => (
    <TextArea
      name={name}
      label={v.t(`advisories.form.${name}`)}
      value={values[name]}
      errors={errors}
      lang={lang}
      rows={3}
    />
  );
  return (
    <div class="bilingual">
      {one('changeNoteJa', 'ja')}
      {one('changeNoteEn', 'en')}
    </div>
  );
}

/** The row indexes to show: those in the values and `extra` empty ones after them. */
export function rows(values: FormValues, list: string, extra: number): number[] {
  const have = rowIndexes(values, list);
  const next = have.length ? Math.max(...have) + 1 : 0;
  return [...have, ...Array.from({ length: extra }, (_, i) => next + i)];
}

export function Group({
  legend,
  children,
  id,
}: {
  legend: string;
  children: ComponentChildren;
  id?: string;
}) {
  return (
    <fieldset id={id}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * Where the free texts of a multi-developer copy name a developer: not refused, but the coordinator sees each
 * field, and that the other developers' pre-release copies will show it masked.
 */
export function MentionsWarning({ v, mentions }: { v: ViewContext; mentions: Mention[] }) {
  if (mentions.length === 0) return null;
  const { t } = v;
  return (
    <section class="notice warning" aria-labelledby="mentions">
      <h2 id="mentions">{t('advisories.mentions.heading')}</h2>
      <p>{t('advisories.mentions.intro')}</p>
      <ul>
        {mentions.map((m) => (
          <li key={`${m.field} ${m.developerSlug} ${m.text}`}>
            <code>{m.field}</code>:{' '}
            {t('advisories.mentions.item', { text: m.text, developer: m.developerSlug })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A group of rows of one list (`dev`, `vuln` …): the rows there are and `extra` empty ones, each as `row` draws it. */
export function RowGroup(props: {
  legend: string;
  values: FormValues;
  list: string;
  extra: number;
  hint?: string;
  row: (i: number, n: number) => ComponentChildren;
}) {
  return (
    <Group legend={props.legend}>
      {props.hint && <p class="hint">{props.hint}</p>}
      {rows(props.values, props.list, props.extra).map((i, n) => props.row(i, n))}
    </Group>
  );
}
