import { en, type Messages } from "./en";

// French for the shell: sign-in, navigation, dashboard, patients, lists, errors, audit, page titles.
// (Being translated: issue 8.)
export const shellFr: Omit<Messages, "pharmacy" | "billing" | "clinical" | "jobs" | "prescriptions" | "scheduling" | "staff" | "triage" | "wards" | "reports" | "tokens"> = en;
