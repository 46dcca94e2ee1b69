import { NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkResponse, listResponse, parseListQuery } from "./api";
import { defineOperation } from "./contract";
import { AppError } from "./errors";

const SORTS = ["lastName", "createdAt"] as const;

describe("parseListQuery", () => {
  it("applies the defaults of the API contract", () => {
    const q = parseListQuery(new URLSearchParams(), SORTS);
    expect(q).toMatchObject({
      q: "",
      page: 1,
      pageSize: 20,
      skip: 0,
      take: 20,
      sort: { field: "lastName", dir: "asc" },
    });
  });

  it("reads page, size, search and a descending sort", () => {
    const q = parseListQuery(new URLSearchParams("q=%20dia%20&page=3&pageSize=50&sort=-createdAt"), SORTS);
    expect(q).toMatchObject({
      q: "dia",
      page: 3,
      pageSize: 50,
      skip: 100,
      take: 50,
      sort: { field: "createdAt", dir: "desc" },
    });
  });

  it("refuses a page size over 100 and an unknown sort, field by field", () => {
    try {
      parseListQuery(new URLSearchParams("pageSize=500&sort=password&page=0"), SORTS);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      const e = err as AppError;
      expect(e.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(e.fields ?? {}).sort()).toEqual(["page", "pageSize", "sort"]);
      expect(e.fields?.pageSize).toBe("At most 100");
    }
  });

  it("shapes a list answer", () => {
    expect(listResponse([1, 2], 12, { page: 2, pageSize: 2 })).toEqual({
      items: [1, 2],
      total: 12,
      page: 2,
      pageSize: 2,
    });
  });
});

describe("checkResponse (outside production, every JSON success answer against its operation's schema)", () => {
  const op = defineOperation({
    method: "POST",
    path: "/things",
    tag: "things",
    summary: "Makes a thing, or finds it made.",
    permission: null,
    response: z.object({ id: z.string(), made: z.boolean() }),
    status: 201,
    otherStatuses: [200],
  });

  it("names the drift of a success answer, whichever of its documented statuses it has", async () => {
    expect(await checkResponse(op, NextResponse.json({ id: "t1", made: true }, { status: 201 }))).toEqual([]);
    expect(await checkResponse(op, NextResponse.json({ id: "t1", made: false }, { status: 200 }))).toEqual([]);
    // Each issue as "path: message" (the message is the app's catalogue key).
    const fields = async (r: Response) => (await checkResponse(op, r)).map((i) => i.split(":")[0]);
    expect(await fields(NextResponse.json({ id: 1 }, { status: 201 }))).toEqual(["id", "made"]);
    expect(await fields(NextResponse.json({ made: "yes" }, { status: 200 }))).toEqual(["id", "made"]);
  });

  it("leaves errors and undocumented statuses alone", async () => {
    expect(await checkResponse(op, NextResponse.json({ error: { code: "X" } }, { status: 409 }))).toEqual([]);
    expect(await checkResponse(op, NextResponse.json({ other: true }, { status: 202 }))).toEqual([]);
  });
});
