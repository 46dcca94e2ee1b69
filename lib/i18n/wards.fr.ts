import type { Messages } from "./en";
import { wardsEn } from "./wards.en";

// (Being translated: issue 8.)
export const wardsFr: Messages["wards"] = wardsEn;
