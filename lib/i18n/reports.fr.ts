import type { Messages } from "./en";
import { reportsEn } from "./reports.en";

// (Being translated: issue 8.)
export const reportsFr: Messages["reports"] = reportsEn;
