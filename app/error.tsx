"use client";

/** Polite 500 with the error's digest as reference; never a stack trace. Bilingual: no catalogue on the client. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Đã có lỗi xảy ra <span className="block text-base font-normal text-muted" lang="en">Something went wrong</span></h1>
      <p className="mt-2 text-muted">Vui lòng thử lại; nếu lỗi còn, hãy báo Ban Tổ chức mã sự cố. <span lang="en">Please try again; if it persists, give the organisers the reference.</span></p>
      {error.digest && <p className="mt-4 font-mono text-sm">Mã sự cố / Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand px-4 py-2 font-semibold text-white">Thử lại / Try again</button>
    </main>
  );
}
