import type { Messages } from "./en";
import { staffEn } from "./staff.en";

// (Being translated: issue 8.)
export const staffFr: Messages["staff"] = staffEn;
