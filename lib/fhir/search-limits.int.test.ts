import { beforeAll, describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { db } from "@/lib/server/db";
import type { AppError } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { seedPatient, seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { fhirRead } from "./handler";

// FHIR searches are bounded as the REST search is (lib/server/search-limits.ts): `Patient?name=` with
// 4,000 words used to take 15–21 s per request from a patient account.

const BASE = "https://hospital.example";
const m = en.fhir;
let patient: Ctx, records: Ctx;
const get = (ctx: Ctx, path: string, client: ReturnType<typeof db> = db()) => {
  const url = new URL(`/fhir/R4/${path}`, BASE);
  return fhirRead(client, ctx, url.pathname.split("/").slice(3).filter(Boolean), {
    base: BASE,
    url,
    software: "Test",
    now: new Date(),
  });
};
/** The app's database client, with every use of it (a model, a query, a transaction) recorded by name. */
function watchedDb(): { client: ReturnType<typeof db>; used: string[] } {
  const used: string[] = [];
  const client = new Proxy(db(), {
    get(target, property, receiver) {
      used.push(String(property));
      return Reflect.get(target, property, receiver);
    },
  });
  return { client, used };
}
const refused = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e,
  );

describe("FHIR search limits", () => {
  beforeAll(async () => {
    await resetDatabase();
    const pu = await seedUser(db(), {
      email: "p@h.org",
      name: "Amara Bello",
      role: "PATIENT",
      password: "pw-0123456789",
    });
    const ro = await seedUser(db(), {
      email: "ro@h.org",
      name: "Records",
      role: "RECORDS_OFFICER",
      password: "pw-0123456789",
    });
    patient = { actor: { id: pu.id, role: "PATIENT", name: "Amara", email: pu.email }, ip: null };
    records = { actor: { id: ro.id, role: "RECORDS_OFFICER", name: "Records", email: ro.email }, ip: null };
    await seedPatient(db(), {
      firstName: "Amara",
      lastName: "Bello",
      dateOfBirth: "1985-04-12",
      sex: "female",
      userId: pu.id,
    });
    await seedPatient(db(), { firstName: "Ada", lastName: "Bello", dateOfBirth: "1990-01-01", sex: "female" });
  });

  it("answers 400 for more name words than the REST search reads, before asking the database", async () => {
    const words = Array.from({ length: 4000 }, (_, i) => `w${i}`).join(" ");
    // "At once" as a fact, not a time (a busy machine once took 793 ms): the database is never asked.
    const watched = watchedDb();
    const e = await refused(get(patient, `Patient?name=${encodeURIComponent(words)}`, watched.client));
    expect(watched.used).toEqual([]);
    const searched = watchedDb();
    await get(patient, "Patient?name=Bello", searched.client);
    expect(searched.used.length).toBeGreaterThan(0); // the watch does see a search that runs
    expect(e?.code).toBe("VALIDATION_FAILED");
    expect(e?.fields).toEqual({ name: m.tooLong(200) });
    expect((await refused(get(patient, "Patient?name=a%20b%20c%20d%20e")))?.fields).toEqual({
      name: m.tooManyWords(4),
    });
    expect((await refused(get(records, "Patient?name=a&name=b&name=c&name=d&name=e")))?.fields).toEqual({
      name: m.tooManyWords(4),
    });
  });

  it("still searches by up to 4 words", async () => {
    const b = (await get(records, "Patient?name=Bello%20A")) as { total?: number };
    expect(b.total).toBe(2);
  });

  it("answers 400 for a list of more than 100 ids, and for a value longer than 200 characters", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id${i}`);
    expect((await refused(get(records, `Patient?_id=${ids.join(",")}`)))?.fields).toEqual({
      _id: m.tooManyValues(100),
    });
    expect((await refused(get(records, `Practitioner?${ids.map((id) => `_id=${id}`).join("&")}`)))?.fields).toEqual({
      _id: m.tooManyValues(100),
    });
    expect((await refused(get(records, `Patient?identifier=${"9".repeat(201)}`)))?.fields).toEqual({
      identifier: m.tooLong(200),
    });
    expect((await refused(get(records, `Practitioner?name=${"a".repeat(201)}`)))?.fields).toEqual({
      name: m.tooLong(200),
    });
    const hundred = (await get(records, `Patient?_id=${ids.slice(0, 100).join(",")}`)) as { total?: number };
    expect(hundred.total).toBe(0);
  });
});
