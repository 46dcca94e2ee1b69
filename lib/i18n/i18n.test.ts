import { describe, expect, it } from "vitest";
import { en } from "./en";
import { catalog, fromAcceptLanguage } from "./index";
import { E } from "./error-keys";
import { renderFields, renderMessage } from "./message";

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
  it("renders a key in English", () => {
    expect(renderMessage(E.password.wrongCurrent, "en")).toBe(en.password.wrongCurrent);
  });
  it("renders a fixed sentence and a built one from the French catalogue", () => {
    expect(renderMessage(E.password.wrongCurrent, "fr")).toBe(fr.password.wrongCurrent);
    expect(renderMessage(E.patients.errors.tooLong(80), "fr")).toBe(fr.patients.errors.tooLong(80));
  });
  it("renders a key given as a parameter (a record's name) in the same language", () => {
    expect(renderMessage(E.errors.notFound(E.errors.records["lab order"]), "fr")).toBe(
      fr.errors.notFound(fr.errors.records["lab order"]),
    );
    expect(renderMessage(E.errors.notFound(E.errors.records["lab order"]), "en")).toBe("That lab order was not found.");
  });
  it("renders each field, and keeps plain text (never a key) as it is", () => {
    expect(renderFields({ currentPassword: E.password.wrongCurrent, other: "plain text" }, "fr")).toEqual({
      currentPassword: fr.password.wrongCurrent,
      other: "plain text",
    });
  });
});
