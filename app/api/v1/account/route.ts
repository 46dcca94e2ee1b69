import { getAccount, setLanguage } from "@/lib/accounts/language";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/accounts/contract";

export const GET = apiRoute(ops.getAccount, ({ ctx }) => getAccount(db(), ctx));

export const PATCH = apiRoute(ops.patchAccount, async ({ ctx, body }) => {
  const { language } = body;
  return setLanguage(db(), ctx, language);
});
