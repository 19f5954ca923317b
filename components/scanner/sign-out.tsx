"use client";

import { SignOutButton } from "@/components/staff/sign-out-button";
import { flushAndWipe } from "./offline/use-offline";

/** Sign-out on the scanner: waiting scans are sent if possible, then the device's roster, queue and cached pages are wiped. */
export function ScannerSignOut({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  return <SignOutButton label={label} pendingLabel={pendingLabel} beforeSignOut={flushAndWipe} />;
}
