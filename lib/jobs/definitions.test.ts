import { describe, expect, it } from "vitest";
import { JOBS, JOB_NAMES, SCHEDULED } from "./definitions";
import { stableId } from "./queue";
import { ZExportRequest } from "./schemas";

describe("job definitions", () => {
  it("validate their payloads", () => {
    expect(JOBS["export.run"].payload.safeParse({ exportId: "e1" }).success).toBe(true);
    expect(JOBS["export.run"].payload.safeParse({}).success).toBe(false);
    expect(JOBS["email.send"].payload.safeParse({ emailId: "" }).success).toBe(false);
    expect(JOBS["reports.monthly"].payload.safeParse({ month: "2026-10" }).success).toBe(true);
    expect(JOBS["reports.monthly"].payload.safeParse({ month: "October" }).success).toBe(false);
  });

  it("retry with exponential backoff, and every schedule has a cron line", () => {
    for (const name of JOB_NAMES) expect(JOBS[name].options.retryLimit).toBeGreaterThan(0);
    expect(JOBS["email.send"].options).toMatchObject({ retryBackoff: true, retryLimit: 5 });
    for (const name of SCHEDULED) expect("cron" in JOBS[name]).toBe(true);
  });

  it("derive one stable UUID per key", () => {
    expect(stableId("email.send:abc")).toBe(stableId("email.send:abc"));
    expect(stableId("email.send:abc")).not.toBe(stableId("email.send:abd"));
    expect(stableId("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("accept only treatment-history export requests", () => {
    expect(ZExportRequest.safeParse({ kind: "treatment-history" }).success).toBe(true);
    expect(ZExportRequest.safeParse({ kind: "everything", patientId: "p1" }).success).toBe(false);
  });
});
