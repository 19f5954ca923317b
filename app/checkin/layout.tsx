import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Phones at the door: no pinch-zoom surprises while scanning, the browser bar in the brand colour.
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#8e1414" };

/**
 * The check-in area (/checkin…) is full screen, without the staff header: the scanner page
 * draws its own minimal header (components/scanner/scanner-header.tsx) and desk mode its own frame,
 * so this layout adds nothing that would stack on top of either.
 */
export default function CheckinLayout({ children }: { children: ReactNode }) {
  return <div className="flex min-h-dvh flex-col">{children}</div>;
}
