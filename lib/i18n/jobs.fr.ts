import type { Messages } from "./en";
import { jobsEn } from "./jobs.en";

// (Being translated: issue 8.)
export const jobsFr: Messages["jobs"] = jobsEn;
