// The intake forms' trap for robots (the labelled controls are in platform/views/form-fields.tsx).
/**
 * The trap for form-filling robots: off-screen and hidden from assistive technology, out of the tab order and
 * never autofilled, so a person leaves it empty. Its label says so, should the stylesheet not load.
 */
export function Honeypot({ name, label }: { name: string; label: string }) {
  return (
    <div class="visually-hidden" aria-hidden="true">
      <label for={name}>{label}</label>
      <input type="text" id={name} name={name} value="" tabIndex={-1} autocomplete="off" />
    </div>
  );
}
