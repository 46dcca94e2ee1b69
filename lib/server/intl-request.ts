import { getRequestConfig } from "next-intl/server";
import { env } from "./env";
import { requestLocale } from "./locale";

// next-intl's per-request configuration: the language comes from the user (lib/server/locale.ts);
// messages live in the typed catalogues (lib/i18n/*.en.ts, *.fr.ts), so none are handed to next-intl.
export default getRequestConfig(async () => ({
  locale: await requestLocale(),
  timeZone: env().HOSPITAL_TIMEZONE,
  messages: {},
}));
