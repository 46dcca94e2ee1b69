import type { Messages } from "./en";
import { schedulingEn } from "./scheduling.en";

// (Being translated: issue 8.)
export const schedulingFr: Messages["scheduling"] = schedulingEn;
