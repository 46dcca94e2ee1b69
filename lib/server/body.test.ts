import { describe, expect, it } from "vitest";
import { defineOperation } from "@/lib/server/contract";
import { z } from "zod";
import { en } from "@/lib/i18n/en";
import { publicRoute, readJson } from "./api";
import { MAX_JSON_DEPTH, readBodyBytes, readJsonBody, tooDeep } from "./body";
import { AppError } from "./errors";

const MB = 1024 * 1024;

/** A body streamed in 64 KB chunks, `total` bytes of `byte`, counting what was pulled and whether it was cancelled. */
function source(total: number, byte = 0x5b /* [ */) {
  const seen = { pulled: 0, cancelled: false };
  const chunk = 64 * 1024;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= total) return controller.close();
      const n = Math.min(chunk, total - seen.pulled);
      seen.pulled += n;
      controller.enqueue(new Uint8Array(n).fill(byte));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/auth/token", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);

async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("readBodyBytes: the one bounded reader", () => {
  it("reads a body within the limit", async () => {
    const bytes = await readBodyBytes(post(JSON.stringify({ a: 1 })));
    expect(new TextDecoder().decode(bytes)).toBe('{"a":1}');
  });

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    const { stream, seen } = source(50 * MB);
    const e = await refused(readBodyBytes(post(stream, { "content-length": String(50 * MB) })));
    expect(e.code).toBe("PAYLOAD_TOO_LARGE");
    expect(e.message).toBe(en.errors.tooLarge("1 MB"));
    expect(seen.pulled).toBeLessThanOrEqual(64 * 1024 * 2); // at most what the stream queued on its own
  });

  it("stops reading a streamed (chunked) body once it passes the limit, and cancels it", async () => {
    const { stream, seen } = source(50 * MB);
    const e = await refused(readBodyBytes(post(stream)));
    expect(e.code).toBe("PAYLOAD_TOO_LARGE");
    expect(seen.pulled).toBeLessThan(MB + 3 * 64 * 1024);
    expect(seen.cancelled).toBe(true);
  });

  it("takes another limit", async () => {
    const e = await refused(readBodyBytes(post("x".repeat(3000)), 2048));
    expect(e.message).toBe(en.errors.tooLarge("2 KB"));
  });
});

describe("JSON depth", () => {
  const nested = (n: number) => "[".repeat(n) + "]".repeat(n);
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(tooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(tooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(tooDeep(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`)).toBe(false);
    expect(tooDeep(JSON.stringify({ text: "[".repeat(1000) }))).toBe(false);
    expect(tooDeep(JSON.stringify({ text: `\\"${"[".repeat(1000)}` }))).toBe(false);
    expect(tooDeep(`{"a":"\\"", "b":${nested(40)}}`)).toBe(true);
  });

  it("refuses a body of nested [ before parsing it (it used to exhaust the heap)", async () => {
    const body = "[".repeat(MB - 1);
    const e = await refused(readJsonBody(post(body)));
    expect(e.code).toBe("MALFORMED_JSON");
    expect(e.message).toBe(en.errors.jsonTooDeep(MAX_JSON_DEPTH));
  });
});

describe("readJson", () => {
  const Z = z.object({ email: z.string() });

  it("answers 413 for a streamed body over the limit, and MALFORMED_JSON for deep nesting", async () => {
    const { stream } = source(2 * MB);
    expect((await refused(readJson(post(stream), Z))).code).toBe("PAYLOAD_TOO_LARGE");
    expect((await refused(readJson(post("[".repeat(100_000)), Z))).code).toBe("MALFORMED_JSON");
  });

  it("an empty body is malformed unless the route gives it a value", async () => {
    expect((await refused(readJson(post(null), Z))).code).toBe("MALFORMED_JSON");
    expect(await readJson(post(null), z.object({ items: z.array(z.string()).optional() }), { empty: {} })).toEqual({});
  });
});

describe("a route with a declared body over the limit", () => {
  it("answers 413 with the API's error body before the handler (sign-in, authentication) runs", async () => {
    let ran = false;
    const route = publicRoute(
      defineOperation({ method: "POST", path: "/auth/token", tag: "test", summary: "A test route.", permission: null }),
      async () => {
        ran = true;
        return {};
      },
    );
    const { stream } = source(50 * MB);
    const { NextRequest } = await import("next/server");
    const req = new NextRequest("http://localhost/api/v1/auth/token", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json", "content-length": String(50 * MB) },
      duplex: "half",
    } as never);
    const res = await route(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: en.errors.tooLarge("1 MB") } });
    expect(ran).toBe(false);
  });
});
