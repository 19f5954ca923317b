"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

/**
 * useActionState for forms with field errors. Submitting goes through onSubmit, so React does not
 * reset the form after the action (the reader keeps what they typed when a field is wrong); the
 * `action` prop stays for progressive enhancement before hydration. After an error, focus moves
 * to the first invalid field (or the form's message) so keyboard and screen-reader users land on it.
 */
export function useFormAction<S extends { status: string }>(action: (state: S, data: FormData) => Promise<S>, initial: S) {
  // S is a plain object (never a promise), so Awaited<S> is S; the casts only tell the compiler so.
  const [state, dispatch, pending] = useActionState<S, FormData>(action as (s: Awaited<S>, d: FormData) => Promise<S>, initial as Awaited<S>);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status !== "error") return;
    const target = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? ref.current?.querySelector<HTMLElement>("[data-form-message]");
    target?.focus();
  }, [state]);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  }
  return { state, pending, formProps: { ref, action: dispatch, onSubmit, noValidate: true } };
}
