import { Notice } from "./notice";

/** The form-level error (summary or an error of no particular field), focusable so focus can move to it. */
export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  if (state.status !== "error" || !state.message) return null;
  return (
    <div tabIndex={-1} data-form-message className="outline-none">
      <Notice tone="error">{state.message}</Notice>
    </div>
  );
}
