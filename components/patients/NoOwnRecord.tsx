import { Alert } from "@/components/ui/Alert";
import { messages } from "@/lib/server/locale";
import { isPendingLink } from "@/lib/patients/link-requests";
import { db } from "@/lib/server/db";

/**
 * What a patient's own pages show without a linked record: "we are matching your account to your
 * hospital record" while a records officer has the account to link (verified self-registration),
 * otherwise `fallback` (contact the records office).
 */
export async function NoOwnRecord({ userId, fallback }: { userId: string; fallback: string }) {
  const m = (await messages()).duplicates.pending;
  if (!(await isPendingLink(db(), userId))) return <Alert>{fallback}</Alert>;
  return (
    <Alert>
      <p className="font-semibold">{m.title}</p>
      <p className="mt-1">{m.body}</p>
    </Alert>
  );
}
