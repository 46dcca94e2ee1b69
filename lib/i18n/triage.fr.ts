import type { Messages } from "./en";
import { triageEn } from "./triage.en";

// (Being translated: issue 8.)
export const triageFr: Messages["triage"] = triageEn;
