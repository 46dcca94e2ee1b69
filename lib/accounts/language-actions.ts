"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { setLanguage, ZLanguage } from "@/lib/accounts/language";
import { LOCALE_COOKIE } from "@/lib/server/locale";
import { definePublicAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { currentCtx } from "@/lib/server/session";

/** The language switcher: a signed-in user's choice is kept on the account; a visitor's in a cookie. */
export const setLanguageAction = definePublicAction(
  { name: "account.language", schema: ZLanguage },
  async ({ language }) => {
    const { actor, ip } = await currentCtx();
    if (actor && !actor.scopes) await setLanguage(db(), { actor, ip }, language);
    (await cookies()).set(LOCALE_COOKIE, language, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      maxAge: 60 * 60 * 24 * 365,
    });
    revalidatePath("/", "layout");
    return { language };
  },
);
