import Link from "next/link";

/** On a record merged into another: says so, with a link to the record that stayed. */
export function MergedNotice({ text, link, href }: { text: string; link: string; href: string }) {
  return (
    <div
      role="status"
      data-merged-notice
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <span>{text}</span>
      <Link href={href} className="font-medium text-brand-700 hover:underline">
        {link}
      </Link>
    </div>
  );
}
