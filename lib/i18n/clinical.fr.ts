import type { Messages } from "./en";
import { clinicalEn } from "./clinical.en";

// (Being translated: issue 8.)
export const clinicalFr: Messages["clinical"] = clinicalEn;
