// The one set of form controls: each labelled, with its hint and error tied to it by aria-describedby and
// aria-invalid set on error (WCAG 1.3.1, 3.3.1), plus the error summary that links to them. A control's id is its
// name unless a page holds several forms with the same field names (then `id` tells them apart).
import type { ComponentChildren } from 'preact';
import type { ViewContext } from './view-context.js';

/** Field errors keyed by field name; `_` is for errors of the form as a whole. */
export type Errors = Record<string, string[]> | undefined;

type Described = { id: string; hint?: string | undefined; err: string[] | undefined };

function describedBy({ id, hint, err }: Described, ...extra: string[]): string | undefined {
  return (
    [hint ? `${id}-hint` : '', ...extra, err?.length ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined
  );
}

const invalid = (err: string[] | undefined) => (err?.length ? 'true' : undefined);
const fieldClass = (base: string, err: string[] | undefined) => `${base}${err?.length ? ' has-error' : ''}`;

function HintAndError({ id, hint, err }: Described) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {err?.length ? (
        <p class="error" id={`${id}-error`}>
          {err.join(' ')}
        </p>
      ) : null}
    </>
  );
}

type Common = {
  name: string;
  /** defaults to the name */
  id?: string;
  label: string;
  hint?: string | undefined;
  errors?: Errors;
  required?: boolean;
};

/** The id, the field's errors and what describes it, worked out once for every control. */
function described(props: Pick<Common, 'name' | 'id' | 'hint' | 'errors'>): Described {
  return { id: props.id ?? props.name, hint: props.hint, err: props.errors?.[props.name] };
}

export function CsrfField({ v }: { v: ViewContext }) {
  return <input type="hidden" name="_csrf" value={v.csrfToken} />;
}

/** A list of field errors at the top of a form, linking to each field (WCAG 3.3.1). */
/**
 * The errors of a refused form, each linking to its field. `ids` names fields whose id is not their name (a page
 * with several forms prefixes some ids so they stay unique).
 */
export function ErrorSummary({
  v,
  errors,
  ids,
}: {
  v: ViewContext;
  errors: Errors;
  ids?: Record<string, string>;
}) {
  const entries = Object.entries(errors ?? {}).filter(([, m]) => m.length > 0);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{v.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, messages]) => (
          <li key={field}>
            <a href={`#${ids?.[field] ?? field}`}>{messages.join(' ')}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled input. */
export function Field(
  props: Common & {
    type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search' | 'number' | 'date';
    value?: string | undefined;
    autocomplete?: string;
    inputmode?: 'numeric' | 'text' | 'email';
    /** the id of a `<datalist>` of suggestions (typing anything else stays possible) */
    list?: string;
  },
) {
  const d = described(props);
  // preact types each input `type` separately; one loosely typed bag keeps this component simple
  const inputAttrs: Record<string, unknown> = {
    id: d.id,
    name: props.name,
    type: props.type ?? 'text',
    value: props.value ?? '',
    required: props.required,
    autocomplete: props.autocomplete,
    inputMode: props.inputmode,
    list: props.list,
    'aria-invalid': invalid(d.err),
    'aria-describedby': describedBy(d),
  };
  return (
    <div class={fieldClass('field', d.err)}>
      <label for={d.id}>{props.label}</label>
      <HintAndError {...d} />
      <input {...inputAttrs} />
    </div>
  );
}

/** A labelled multi-line text; `lang` names the language the text is to be written in, when not the page's. */
export function TextArea(props: Common & { value?: string | undefined; rows?: number; lang?: string }) {
  const d = described(props);
  return (
    <div class={fieldClass('field', d.err)}>
      <label for={d.id}>{props.label}</label>
      <HintAndError {...d} />
      <textarea
        id={d.id}
        name={props.name}
        rows={props.rows ?? 6}
        required={props.required}
        lang={props.lang}
        aria-invalid={invalid(d.err)}
        aria-describedby={describedBy(d)}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

/** A labelled select; `placeholder` is a first, empty choice ("choose one"). */
export function SelectField(
  props: Common & {
    options: { value: string; label: string; lang?: string }[];
    value?: string | undefined;
    placeholder?: string;
  },
) {
  const d = described(props);
  return (
    <div class={fieldClass('field', d.err)}>
      <label for={d.id}>{props.label}</label>
      <HintAndError {...d} />
      <select
        id={d.id}
        name={props.name}
        required={props.required}
        aria-invalid={invalid(d.err)}
        aria-describedby={describedBy(d)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === (props.value ?? '')} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A checkbox followed by its label; the error (if any) sits above it and is announced with it. */
export function Checkbox(
  props: Omit<Common, 'label'> & { label: ComponentChildren; checked?: boolean | undefined },
) {
  const d = described(props);
  return (
    <div class={fieldClass('checkbox', d.err)}>
      <HintAndError {...d} />
      <input
        type="checkbox"
        id={d.id}
        name={props.name}
        value="on"
        checked={props.checked === true}
        required={props.required}
        aria-invalid={invalid(d.err)}
        aria-describedby={describedBy(d)}
      />{' '}
      <label for={d.id}>{props.label}</label>
    </div>
  );
}

/** A file picker for several files; `notice` says which files were chosen before (a browser forgets them). */
export function FileInput(props: Common & { hint: string; notice?: string | undefined }) {
  const d = described(props);
  return (
    <div class={fieldClass('field', d.err)}>
      <label for={d.id}>{props.label}</label>
      <HintAndError {...d} />
      {props.notice && (
        <p class="hint" id={`${d.id}-again`}>
          <strong>{props.notice}</strong>
        </p>
      )}
      <input
        type="file"
        id={d.id}
        name={props.name}
        multiple
        aria-invalid={invalid(d.err)}
        aria-describedby={describedBy(d, props.notice ? `${d.id}-again` : '')}
      />
    </div>
  );
}

/** A group of radio buttons under one legend. */
export function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  disabled?: boolean;
}) {
  return (
    <fieldset class="field">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={o.value === props.value}
            disabled={props.disabled}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Related fields under a legend; a hint, when given, describes the whole group. */
export function Fieldset(props: {
  legend: string;
  hint?: { id: string; text: string };
  children: ComponentChildren;
}) {
  return (
    <fieldset aria-describedby={props.hint?.id}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={props.hint.id}>
          {props.hint.text}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}
