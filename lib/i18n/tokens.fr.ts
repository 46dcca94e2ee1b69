import type { Messages } from "./en";
import { tokensEn } from "./tokens.en";

// (Being translated: issue 8.)
export const tokensFr: Messages["tokens"] = tokensEn;
