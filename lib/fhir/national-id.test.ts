import { afterEach, describe, expect, it, vi } from "vitest";

// NATIONAL_ID_SYSTEM names the national id's system in the FHIR API (lib/server/env.ts).
const load = async (value: string | undefined) => {
  vi.resetModules();
  vi.stubEnv("NATIONAL_ID_SYSTEM", value as string);
  const { env } = await import("@/lib/server/env");
  return env;
};

describe("NATIONAL_ID_SYSTEM", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is the configured URI, urn:hms:national-id when unset or blank", async () => {
    expect((await load("urn:oid:2.16.840.1.113883.2.9.4.3.2"))().NATIONAL_ID_SYSTEM).toBe(
      "urn:oid:2.16.840.1.113883.2.9.4.3.2",
    );
    expect((await load("https://registry.example.org/nin"))().NATIONAL_ID_SYSTEM).toBe(
      "https://registry.example.org/nin",
    );
    expect((await load(""))().NATIONAL_ID_SYSTEM).toBe("urn:hms:national-id");
  });

  it("refuses what is not a URI", async () => {
    const env = await load("national id");
    expect(() => env()).toThrow(/NATIONAL_ID_SYSTEM/);
  });
});
