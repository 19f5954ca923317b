"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { flushAndWipe } from "./offline/use-offline";

/** Sign-out on the scanner: waiting scans are sent if possible, then the device's roster, queue and cached pages are wiped. */
export function ScannerSignOut({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void flushAndWipe()
          .then(() => signOut({ callbackUrl: "/" }))
          .catch(() => setPending(false));
      }}
      className="inline-flex min-h-11 items-center rounded bg-white px-3 py-1 text-sm font-semibold text-brand-dark hover:bg-amber-100 disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
