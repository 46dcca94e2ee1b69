import { messages } from "@/lib/server/locale";

/** A forged, mistyped or unknown code: said plainly, with a 404 status. */
export default async function InvalidPrescription() {
  const m = (await messages()).prescriptions.rx;
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-red-700">404</p>
      <h1 className="text-2xl font-semibold text-slate-900">{m.invalidTitle}</h1>
      <p className="text-slate-600">{m.invalidBody}</p>
    </main>
  );
}
