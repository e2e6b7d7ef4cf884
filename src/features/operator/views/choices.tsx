// Radio buttons and checkbox groups with their error, for the operator's forms: the fieldset carries the field's
// name as its id, so the error summary's link lands on it (WCAG 3.3.1).
import type { Errors } from '../../../platform/views/form-fields.js';

type Option = { value: string; label: string };

function GroupError({ name, errors }: { name: string; errors: Errors }) {
  const err = errors?.[name];
  return err?.length ? (
    <p class="error" id={`${name}-error`}>
      {err.join(' ')}
    </p>
  ) : null;
}

export function Choices(props: {
  type: 'radio' | 'checkbox';
  name: string;
  legend: string;
  options: Option[];
  /** the chosen value(s) */
  value: string | string[] | undefined;
  errors: Errors;
  hint?: string;
}) {
  const chosen = new Set(Array.isArray(props.value) ? props.value : props.value ? [props.value] : []);
  const err = props.errors?.[props.name];
  const describedBy =
    [props.hint ? `${props.name}-hint` : '', err?.length ? `${props.name}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <fieldset
      id={props.name}
      class={`field${err?.length ? ' has-error' : ''}`}
      tabIndex={-1}
      aria-describedby={describedBy}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      <GroupError name={props.name} errors={props.errors} />
      {props.options.map((o) => (
        <div class="checkbox" key={o.value}>
          <input
            type={props.type}
            id={`${props.name}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={chosen.has(o.value)}
            aria-invalid={err?.length ? 'true' : undefined}
          />{' '}
          <label for={`${props.name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A form's typed value for a text field (a list only comes from checkboxes). */
export const str = (values: Record<string, string | string[]> | undefined, name: string): string => {
  const v = values?.[name];
  return typeof v === 'string' ? v : '';
};
