import { getAccount, setLanguage, ZLanguage } from "@/lib/accounts/language";
import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";

export const GET = apiRoute("account.language", ({ ctx }) => getAccount(db(), ctx));

export const PATCH = apiRoute("account.language", async ({ req, ctx }) => {
  const { language } = await readJson(req, ZLanguage);
  return setLanguage(db(), ctx, language);
});
