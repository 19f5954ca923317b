"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Signs out; `beforeSignOut` (e.g. the scanner wiping its offline data) runs first. */
export function SignOutButton({ label, pendingLabel, beforeSignOut }: { label: string; pendingLabel: string; beforeSignOut?: () => Promise<unknown> }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void (beforeSignOut ? beforeSignOut() : Promise.resolve())
          .then(() => signOut({ callbackUrl: "/" }))
          .catch(() => setPending(false));
      }}
      className="inline-flex min-h-11 items-center rounded bg-white px-3 py-1 text-sm font-semibold text-brand-dark hover:bg-amber-100 disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
