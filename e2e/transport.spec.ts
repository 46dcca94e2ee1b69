import net from "node:net";
import { expect, test } from "@playwright/test";
import { en } from "../lib/i18n/en";
import { PASSWORD, USERS } from "./fixtures";

// Issue 15, section 1 (transport), against the production server: what the web server's front
// (scripts/request-guard.mjs) answers before Next, and what passes on to it. Raw sockets, so that a
// path goes out exactly as written and a body exactly as framed.

const port = Number(process.env.E2E_PORT ?? 3100);

/** One HTTP/1.1 request over a socket of its own; the status, the head and the body of the answer. */
function raw(
  head: string,
  body: Buffer | string = "",
  { chunked = false, limitTo }: { chunked?: boolean; limitTo?: number } = {},
): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.on("data", (d) => (data += d.toString()));
    socket.on("error", () => {}); // the server may close while the body is still going out
    socket.on("close", () => {
      const at = data.indexOf("\r\n\r\n");
      if (at < 0) return reject(new Error(`no answer to ${head.split("\r\n")[0]}`));
      let rest = data.slice(at + 4);
      const h = data.slice(0, at);
      if (/transfer-encoding: chunked/i.test(h)) {
        let out = "";
        for (;;) {
          const nl = rest.indexOf("\r\n");
          const n = parseInt(rest.slice(0, nl), 16);
          if (!n) break;
          out += rest.slice(nl + 2, nl + 2 + n);
          rest = rest.slice(nl + 2 + n + 2);
        }
        rest = out;
      }
      resolve({ status: Number(h.split(" ")[1]), head: h, body: rest });
    });
    socket.write(
      `${head}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${chunked ? "Transfer-Encoding: chunked\r\n" : ""}\r\n`,
    );
    const b = Buffer.from(body);
    const total = limitTo ?? b.length;
    if (chunked) {
      for (let i = 0; i < b.length && socket.writable; i += 16 * 1024) {
        const part = b.subarray(i, i + 16 * 1024);
        socket.write(`${part.length.toString(16)}\r\n`);
        socket.write(part);
        socket.write("\r\n");
      }
      if (socket.writable) socket.write("0\r\n\r\n");
    } else if (total && socket.writable) socket.write(b.subarray(0, total));
  });
}

const json = (r: { body: string }) => JSON.parse(r.body);

test.describe("the web server's front", () => {
  test("a malformed %-escape in the path is 400 BAD_REQUEST_PATH with our error body, not Next's 500", async () => {
    for (const path of ["/api/v1/patients/%ZZ", "/api/v1/patients/%E0%A4%A", "/api/v1/staff/%"]) {
      const r = await raw(`GET ${path} HTTP/1.1`);
      expect(r.status, path).toBe(400);
      expect(r.head).toMatch(/content-type: application\/json/i);
      expect(json(r), path).toEqual({ error: { code: "BAD_REQUEST_PATH", message: en.errors.badPath } });
    }
    const fhir = await raw(`GET /fhir/R4/Patient/%ZZ HTTP/1.1`);
    expect(fhir.status).toBe(400);
    expect(json(fhir)).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "invalid", diagnostics: en.errors.badPath }],
    });
    const page = await raw(`GET /patients/%ZZ HTTP/1.1`);
    expect(page.status).toBe(400);
    expect(page.body).toContain(en.errors.badPath);
    // A well-formed escape still reaches the app (an unknown patient: 401 without a token).
    expect((await raw(`GET /api/v1/patients/%C3%A9 HTTP/1.1`)).status).toBe(401);
  });

  test("a declared body over 1 MB is 413 at once, with the API's error body and headers", async () => {
    const r = await raw(
      `POST /api/v1/auth/token HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}`,
      "[".repeat(64 * 1024),
    );
    expect(r.status).toBe(413);
    expect(r.head).toMatch(/cache-control: no-store/i);
    expect(r.head).toMatch(/x-content-type-options: nosniff/i);
    expect(json(r)).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: en.errors.tooLarge("1 MB") } });
  });

  test("a chunked body is 413 once it passes 1 MB; one within the limit reaches the route whole", async () => {
    const big = await raw(
      `POST /api/v1/auth/token HTTP/1.1\r\nContent-Type: application/json`,
      "[".repeat(2 * 1024 * 1024),
      { chunked: true },
    );
    expect(big.status).toBe(413);
    expect(json(big).error.code).toBe("PAYLOAD_TOO_LARGE");
    const ok = await raw(
      `POST /api/v1/auth/token HTTP/1.1\r\nContent-Type: application/json`,
      JSON.stringify({ email: USERS.RECORDS_OFFICER, password: PASSWORD }),
      { chunked: true },
    );
    expect(ok.status, ok.body).toBe(200);
    expect(json(ok).token).toEqual(expect.any(String));
  });

  test("a body of nested [ within the limit is 400 MALFORMED_JSON, and the server lives on", async () => {
    const body = "[".repeat(1024 * 1024 - 10);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        raw(
          `POST /api/v1/auth/token HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}`,
          body,
        ),
      ),
    );
    for (const r of results) {
      expect(r.status).toBe(400);
      expect(json(r).error).toEqual({ code: "MALFORMED_JSON", message: en.errors.jsonTooDeep(32) });
    }
    expect((await raw(`GET /api/v1/status HTTP/1.1`)).status).toBe(200);
  });

  test("a server action's body over the limit is refused before Next reads it", async () => {
    const r = await raw(
      `POST /login HTTP/1.1\r\nNext-Action: 0000000000000000000000000000000000000000\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: ${2 * 1024 * 1024}`,
      "x".repeat(1024),
    );
    expect(r.status).toBe(413);
    expect(r.body).toContain(en.errors.tooLarge("1 MB"));
  });
});
