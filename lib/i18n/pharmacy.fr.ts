import type { Messages } from "./en";
import { pharmacyEn } from "./pharmacy.en";

// (Being translated: issue 8.)
export const pharmacyFr: Messages["pharmacy"] = pharmacyEn;
