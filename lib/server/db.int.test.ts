import { describe, expect, it } from "vitest";
import { db } from "./db";

describe("prepared statements", () => {
  it("prepares a statement once per connection and reuses it, with the same answers", async () => {
    const answers = await db().$transaction(async (tx) => {
      // One connection for the whole transaction: the same text twice, then what that connection holds.
      const first = await tx.department.findMany({ where: { name: { startsWith: "Zz-none" } }, select: { id: true } });
      const second = await tx.department.findMany({ where: { name: { startsWith: "Zz-none" } }, select: { id: true } });
      const held = await tx.$queryRaw<{ name: string; statement: string; calls: bigint }[]>`
        SELECT name, statement, generic_plans + custom_plans AS calls FROM pg_prepared_statements WHERE statement LIKE '%FROM "public"."Department"%' AND statement NOT LIKE '%pg_prepared_statements%'`;
      return { first, second, held };
    });
    expect(answers.first).toEqual([]);
    expect(answers.second).toEqual([]);
    expect(answers.held).toHaveLength(1);
    expect(answers.held[0].name).toMatch(/^hms_\d+$/);
    expect(Number(answers.held[0].calls)).toBe(2);
  });
});
