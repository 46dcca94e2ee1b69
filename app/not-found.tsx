import Link from "next/link";
import { buttonClass } from "@/components/ui/Button";
import { messages } from "@/lib/server/locale";

export default async function NotFound() {
  const m = (await messages()).errors;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold">{m.notFoundTitle}</h1>
      <p className="max-w-md text-slate-600">{m.notFoundBody}</p>
      <Link href="/dashboard" className={buttonClass("primary")}>
        {m.backHome}
      </Link>
    </main>
  );
}
