// A labelled select with its error tied to it, matching `Field` from the layout.
export function SelectField(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  errors?: Record<string, string[]> | undefined;
  required?: boolean;
  hint?: string;
}) {
  const err = props.errors?.[props.name];
  const describedBy = [props.hint ? `${props.name}-hint` : '', err?.length ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${err?.length ? ' has-error' : ''}`}>
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {err?.length ? (
        <p class="error" id={`${props.name}-error`}>
          {err.join(' ')}
        </p>
      ) : null}
      <select
        id={props.name}
        name={props.name}
        required={props.required}
        aria-invalid={err?.length ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
