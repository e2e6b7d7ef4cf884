// Form controls of the report page beyond the layout's `Field`: a textarea and a group of radio buttons, each
// with its label, hint and error tied to it (WCAG 1.3.1, 3.3.1).
import type { Locale } from '../../../platform/db/schema.js';

export function TextArea(props: {
  id: string;
  name: string;
  label: string;
  value?: string | undefined;
  hint?: string | undefined;
  errors?: string[] | undefined;
  required?: boolean;
  rows?: number;
  lang?: Locale;
}) {
  const err = props.errors;
  const describedBy = [props.hint ? `${props.id}-hint` : '', err?.length ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${err?.length ? ' has-error' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {err?.length ? (
        <p class="error" id={`${props.id}-error`}>
          {err.join(' ')}
        </p>
      ) : null}
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 6}
        required={props.required}
        lang={props.lang}
        aria-invalid={err?.length ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

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
