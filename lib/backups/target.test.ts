import { describe, expect, it } from "vitest";
import { embeddedDatabaseName } from "../../scripts/db/embedded";
import { RestoreRefused, restoreTargetUrl } from "./restore";

// `restore --database`: a URL as given, or a bare name on the app's own server (the embedded one for
// a zero-setup hospital); and the embedded database npm start serves (EMBEDDED_PG_DATABASE), so that
// a zero-setup hospital can be switched to the database a backup was restored into.

const app = "postgresql://postgres:s%40cret@127.0.0.1:54329/hospital?sslmode=disable";

describe("restoreTargetUrl", () => {
  it("takes a URL as given", () => {
    expect(restoreTargetUrl("postgresql://u@db:5432/other", app)).toBe("postgresql://u@db:5432/other");
  });

  it("puts a bare name on the app's server, keeping its user, password and options", () => {
    expect(restoreTargetUrl("hospital_restored", app)).toBe(
      "postgresql://postgres:s%40cret@127.0.0.1:54329/hospital_restored?sslmode=disable",
    );
  });

  it("refuses a name that is not a plain identifier, and a bare name without a server to put it on", () => {
    for (const bad of ["Hospital", "a-b", "x;drop", "", "9lives", "a".repeat(64)])
      expect(() => restoreTargetUrl(bad, app), bad).toThrow(RestoreRefused);
    expect(() => restoreTargetUrl("hospital_restored", undefined)).toThrow(/embedded database is not running/);
  });
});

describe("embeddedDatabaseName", () => {
  it("is hospital unless EMBEDDED_PG_DATABASE names another", () => {
    expect(embeddedDatabaseName(undefined)).toBe("hospital");
    expect(embeddedDatabaseName(" ")).toBe("hospital");
    expect(embeddedDatabaseName("hospital_restored")).toBe("hospital_restored");
  });

  it("refuses a value that is not a plain database name", () => {
    for (const bad of ["Hospital", "a b", "x;drop", "a".repeat(64)])
      expect(() => embeddedDatabaseName(bad), bad).toThrow(/EMBEDDED_PG_DATABASE/);
  });
});
