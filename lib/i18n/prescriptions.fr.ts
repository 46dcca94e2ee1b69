import type { Messages } from "./en";
import { prescriptionsEn } from "./prescriptions.en";

// (Being translated: issue 8.)
export const prescriptionsFr: Messages["prescriptions"] = prescriptionsEn;
