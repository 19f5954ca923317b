/** Shared Tailwind class strings, so every form control and button looks and focuses the same. */
export const ui = {
  button: "inline-flex min-h-11 items-center justify-center gap-2 rounded px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60",
  primary: "bg-brand text-white hover:bg-brand-dark",
  secondary: "border border-stone-400 bg-white text-ink hover:bg-stone-100",
  danger: "bg-red-800 text-white hover:bg-red-900",
  input:
    "block w-full min-h-11 rounded border border-stone-400 bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-blue-700 focus:outline-none focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-blue-700 aria-[invalid=true]:border-red-700",
  label: "block text-sm font-semibold text-ink",
  hint: "mt-1 text-sm text-muted",
  error: "mt-1 text-sm font-medium text-red-800",
  card: "rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6",
  h1: "text-2xl font-bold text-brand-dark",
  h2: "text-lg font-bold text-brand-dark",
  link: "font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950",
  table: "w-full min-w-[40rem] border-collapse text-left text-sm",
  /** The scrolling box around a wide table. `relative` keeps visually hidden (absolutely positioned)
   * labels inside it clipped, where they would otherwise widen the whole page on a phone. */
  tableScroll: "relative overflow-x-auto rounded-lg border border-stone-200 bg-white",
  th: "border-b-2 border-stone-300 px-3 py-2 font-semibold",
  td: "border-b border-stone-200 px-3 py-2 align-top",
} as const;

export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}
