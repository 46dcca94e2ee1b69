import { env } from "./env";

/** An instant as people at the hospital read it: in HOSPITAL_TIMEZONE; "—" when absent. */
export function formatInstant(iso: string | null): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat("en-GB", { timeZone: env().HOSPITAL_TIMEZONE, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
