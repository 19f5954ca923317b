/** Result icons (inline SVG, decorative: the word next to each says the same). */
const common = { "aria-hidden": true, focusable: false, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 3, strokeLinecap: "round", strokeLinejoin: "round" } as const;

export function IconCheck({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M4 12.5l5 5L20 6.5" />
    </svg>
  );
}

export function IconAlert({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M12 3l10 18H2L12 3z" />
      <path d="M12 10v5M12 18v.01" />
    </svg>
  );
}

export function IconCross({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}

export function IconOffline({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M2 8.5a15 15 0 0120 0M5.5 12a10 10 0 0113 0M9 15.5a5 5 0 016 0M12 19v.01M3 3l18 18" />
    </svg>
  );
}
