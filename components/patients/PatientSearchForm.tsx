import { messages } from "@/lib/server/locale";
import { buttonClass } from "@/components/ui/Button";

/** A plain GET form: works without JavaScript and keeps the search in the URL. */
export async function PatientSearchForm({ action, q = "" }: { action: string; q?: string }) {
  const m = await messages();
  return (
    <form action={action} method="get" role="search" className="flex gap-2">
      <label htmlFor="patient-q" className="sr-only">
        {m.patients.search}
      </label>
      <input
        id="patient-q"
        name="q"
        defaultValue={q}
        placeholder={m.patients.search}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600"
      />
      <button type="submit" className={buttonClass("primary")}>
        {m.common.search}
      </button>
    </form>
  );
}
