import type { Messages } from "./en";
import { billingEn } from "./billing.en";

// (Being translated: issue 8.)
export const billingFr: Messages["billing"] = billingEn;
