import Link from "next/link";
import { messages } from "@/lib/server/locale";

/**
 * Previous/next links that keep the other query parameters (repeated ones too, given as URLSearchParams).
 * Several lists on one page each page with their own `param` and say which list in `label`.
 */
export async function Pagination({
  page,
  pageSize,
  total,
  params,
  param = "page",
  label = "Pagination",
}: {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string> | URLSearchParams;
  param?: string;
  label?: string;
}) {
  const m = (await messages()).list;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams(params);
    q.set(param, String(p));
    return `?${q}`;
  };
  const link = "rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300 bg-white hover:bg-slate-50";
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>
        {m.page(page, pages)} · {m.total(total)}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)}>
            {m.previous}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={link} href={href(page + 1)}>
            {m.next}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
