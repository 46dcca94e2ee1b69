import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { databrowserEn } from "@/lib/i18n/databrowser.en";
import { databrowserFr } from "@/lib/i18n/databrowser.fr";
import { PERMISSIONS } from "@/lib/server/permissions";
import { ENTITY_KEYS, NEVER_BROWSED, REGISTRY, SECRET_COLUMNS } from "./registry";

const entries = [...REGISTRY.values()];

// Every `entity: "X"` an audit(...) call writes, read from the services' source (tests excluded).
function auditedEntities(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "generated") walk(path);
      } else if (path.endsWith(".ts") && !path.endsWith(".test.ts")) {
        for (const m of readFileSync(path, "utf8").matchAll(/audit\([^;]*?entity: "([A-Za-z]+)"/gs)) found.add(m[1]);
      }
    }
  };
  walk(join(process.cwd(), "lib"));
  return found;
}

// Models a service never audits: the browser says so rather than showing an empty history.
const NEVER_AUDITED = ["outboxEmail"];

describe("the data browser's registry", () => {
  it("has one entry per key, and every model people care about", () => {
    expect(entries.map((e) => e.key)).toEqual([...ENTITY_KEYS]);
    expect(entries.map((e) => e.model).sort()).toEqual(
      [
        "admission",
        "allergy",
        "apiToken",
        "appointment",
        "bed",
        "condition",
        "consultation",
        "department",
        "diagnosis",
        "dispense",
        "drug",
        "export",
        "invoice",
        "labOrder",
        "labResult",
        "labTest",
        "notification",
        "nurseNote",
        "outboxEmail",
        "patient",
        "payment",
        "prescription",
        "room",
        "stockBatch",
        "triage",
        "user",
        "vitalSign",
        "ward",
      ].sort(),
    );
  });

  it("never selects a secret column, nor browses a secret model", () => {
    for (const e of entries) {
      const secret = SECRET_COLUMNS[e.model] ?? [];
      const shown = [
        ...e.columns,
        ...e.fields.map((f) => f.name),
        ...e.label,
        ...e.search.fields,
        ...e.filters.map((f) => f.name),
      ];
      expect(
        shown.filter((c) => secret.includes(c)),
        e.key,
      ).toEqual([]);
      expect(
        shown.filter((c) => /password|hash|secret/i.test(c)),
        e.key,
      ).toEqual([]);
      expect(NEVER_BROWSED).not.toContain(e.model);
    }
  });

  it("lists, sorts, filters and searches only columns it knows", () => {
    for (const e of entries) {
      const names = e.fields.map((f) => f.name);
      for (const c of [...e.columns, ...e.search.fields, ...e.filters.map((f) => f.name)])
        expect(names, `${e.key}.${c}`).toContain(c);
      expect(e.sorts, e.key).toContain(e.defaultSort.replace(/^-/, ""));
      // The first column links to the record, so it is one of its own values, not a reference.
      expect(e.fields.find((x) => x.name === e.columns[0])!.kind, e.key).not.toBe("ref");
      for (const f of e.fields.filter((x) => x.kind === "ref"))
        expect(REGISTRY.has(f.ref!), `${e.key}.${f.name}`).toBe(true);
      for (const c of e.children ?? [])
        expect(
          REGISTRY.get(c.entity)!.filters.map((x) => x.name),
          `${e.key} → ${c.entity}`,
        ).toContain(c.via);
    }
  });

  it("names the audit entity its services write, so the history shows their events", () => {
    const written = auditedEntities();
    for (const e of entries) {
      if (NEVER_AUDITED.includes(e.model)) expect(e.audit, e.key).toBeNull();
      else expect(written, e.key).toContain(e.audit!.entity);
    }
    expect(REGISTRY.get("departments")!.audit).toEqual({ entity: "Department" });
    expect(REGISTRY.get("allergies")!.audit).toEqual({ entity: "Patient", idField: "patientId" });
  });

  it("edits only what the app edits, and says why the rest is read-only", () => {
    expect(entries.filter((e) => e.edit).map((e) => e.key)).toEqual([
      "users",
      "departments",
      "patients",
      "lab-tests",
      "drugs",
      "wards",
      "rooms",
      "beds",
    ]);
    for (const e of entries) {
      expect(!!e.edit || !!e.readOnly, e.key).toBe(true);
      // Both only where some records are not edited here (a patient's sign-in account): the form's loader tells which.
      if (e.edit && e.readOnly) expect(e.edit.load, e.key).toBeDefined();
      expect(PERMISSIONS[e.permission].roles, e.key).toContain("ADMIN");
      // A form whose values are the record's own columns edits only columns the record shows.
      if (e.edit && !e.edit.load)
        for (const f of e.edit.fields)
          expect(
            e.fields.map((x) => x.name),
            `${e.key}.${f.name}`,
          ).toContain(f.name);
      if (e.edit)
        for (const f of e.edit.fields)
          expect((databrowserEn.fields as Record<string, string>)[f.name], `${e.key}.${f.name}`).toBeTruthy();
    }
    // The same permissions as the app's own pages: /admin/staff/[id], /patients/[id]/edit; the lab catalogue is the admins'.
    expect(REGISTRY.get("users")!.edit!.permission).toBe("staff.manage");
    expect(REGISTRY.get("patients")!.edit!.permission).toBe("patient.register");
    expect(REGISTRY.get("lab-tests")!.edit!.permission).toBe("lab.catalogue");
    expect(PERMISSIONS["lab.catalogue"].roles).toEqual(["ADMIN"]);
    // The patient service only replaces allergy and condition lists whole: no single-entry edit to reuse.
    for (const key of ["allergies", "conditions"] as const)
      expect(REGISTRY.get(key)!.readOnly!.reason, key).toBe("patientList");
    for (const key of ["payments", "dispenses", "prescriptions", "invoices", "consultations"] as const)
      expect(REGISTRY.get(key)!.edit, key).toBeUndefined();
    expect(REGISTRY.get("invoices")!.readOnly!.link!({ id: "inv1" })).toBe("/billing/inv1");
  });

  it("labels every entity and field in English and French", () => {
    for (const e of entries) {
      expect(databrowserEn.entities[e.key]).toBeTruthy();
      expect(databrowserFr.entities[e.key]).toBeTruthy();
      for (const f of e.fields)
        expect((databrowserEn.fields as Record<string, string>)[f.name], `${e.key}.${f.name}`).toBeTruthy();
    }
    expect(PERMISSIONS["data.browse"].roles).toEqual(["ADMIN"]);
  });

  it("has a word in English and French for every status and type code it filters or edits by", () => {
    // Drug classes and forms are stored as words already (the pharmacy pages show them as stored).
    const asStored = ["drugClass", "form"];
    const codes = new Set<string>();
    for (const e of entries) {
      for (const f of e.filters)
        if (f.kind === "enum" && !asStored.includes(f.name)) f.options.forEach((o) => codes.add(o));
      for (const f of e.edit?.fields ?? [])
        if (f.kind === "enum" && !asStored.includes(f.name)) (f.options ?? []).forEach((o) => codes.add(o));
    }
    expect(codes).toContain("ICU");
    expect(codes).toContain("BOOKED");
    for (const code of codes) {
      expect((databrowserEn.codes as Record<string, string>)[code], code).toBeTruthy();
      expect((databrowserFr.codes as Record<string, string>)[code], code).toBeTruthy();
    }
    expect(databrowserEn.codes.ICU).toBe("Intensive care");
    expect(databrowserFr.codes.female).toBe("Femme");
  });
});
