import { describe, expect, it } from "vitest";
import { en } from "./en";
import { catalog, fromAcceptLanguage } from "./index";
import { localizeError, localizeText } from "./localize";

describe("language negotiation", () => {
  it("picks the best supported language of an Accept-Language header", () => {
    expect(fromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5")).toBe("en");
    expect(fromAcceptLanguage("de, it")).toBeNull();
    expect(fromAcceptLanguage("en;q=0, fr;q=0.1")).toBe("fr");
    expect(fromAcceptLanguage(null)).toBeNull();
  });
});

describe("error messages in the caller's language", () => {
  const fr = catalog("fr");
  it("leaves English alone", () => {
    expect(localizeText(en.password.wrongCurrent, "en")).toBe(en.password.wrongCurrent);
  });
  it("maps a fixed sentence and a built one to the French catalogue", () => {
    expect(localizeText(en.password.wrongCurrent, "fr")).toBe(fr.password.wrongCurrent);
    expect(localizeText(en.patients.errors.tooLong(80), "fr")).toBe(fr.patients.errors.tooLong(80));
  });
  it("translates the message and each field, and keeps unknown text as it is", () => {
    const e = localizeError({ code: "VALIDATION_FAILED", message: "unmapped text", fields: { currentPassword: en.password.wrongCurrent } }, "fr");
    expect(e).toEqual({ code: "VALIDATION_FAILED", message: "unmapped text", fields: { currentPassword: fr.password.wrongCurrent } });
  });
});
