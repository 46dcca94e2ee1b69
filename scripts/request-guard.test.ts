import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../lib/i18n/en";
import { fr } from "../lib/i18n/fr";
import { bodyLimitBytes, edgeLocale, formatBytes, guardRequest, malformedPath, MESSAGES } from "./request-guard.mjs";

const LIMIT = 4096;
let server: http.Server;
let port: number;
/** What the handler behind the guard (Next, in the web server) saw of each request that passed. */
const passed: { url: string; length: string | undefined; body: string }[] = [];

beforeAll(async () => {
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, expectsContinue = false) =>
    void guardRequest(req, res, LIMIT, { expectsContinue }).then(async (request) => {
      if (!request) return;
      const chunks: Buffer[] = [];
      for await (const c of request) chunks.push(c as Buffer);
      passed.push({
        url: request.url!,
        length: request.headers["content-length"],
        body: Buffer.concat(chunks).toString(),
      });
      res.end("ok");
    });
  server = http.createServer((req, res) => serve(req, res));
  server.on("checkContinue", (req, res) => serve(req, res, true));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A raw request (the path exactly as written, the body as given), the status line and body of the answer. */
function raw(
  head: string,
  body: Buffer | string = "",
  { chunked = false } = {},
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.on("data", (d) => (data += d.toString()));
    socket.on("error", () => {}); // the server may close while the body is still being sent
    socket.on("close", () => {
      const [h, ...rest] = data.split("\r\n\r\n");
      if (!h) return reject(new Error("no answer"));
      resolve({ status: Number(h.split(" ")[1]), headers: h, body: rest.join("\r\n\r\n") });
    });
    socket.write(`${head}\r\nHost: x\r\nConnection: close\r\n${chunked ? "Transfer-Encoding: chunked\r\n" : ""}\r\n`);
    if (chunked) {
      const b = Buffer.from(body);
      for (let i = 0; i < b.length; i += 1000) {
        const part = b.subarray(i, i + 1000);
        if (socket.writable) socket.write(`${part.length.toString(16)}\r\n${part}\r\n`);
      }
      if (socket.writable) socket.write("0\r\n\r\n");
    } else if (body.length && socket.writable) socket.write(body);
  });
}

describe("the body limit at the front", () => {
  it("answers a declared Content-Length over the limit with 413 and the API's error body, at once", async () => {
    const r = await raw(
      `POST /api/v1/auth/token HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}`,
    );
    expect(r.status).toBe(413);
    expect(r.headers).toMatch(/cache-control: no-store/i);
    expect(r.headers).toMatch(/x-content-type-options: nosniff/i);
    expect(r.headers).toMatch(/connection: close/i);
    expect(JSON.parse(r.body)).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: en.errors.tooLarge("4 KB") } });
  });

  it("answers a chunked body that passes the limit with 413, in the caller's language", async () => {
    const r = await raw(
      `POST /api/v1/patients HTTP/1.1\r\nAccept-Language: fr-FR,fr;q=0.9\r\nContent-Type: application/json`,
      "x".repeat(LIMIT * 50),
      { chunked: true },
    );
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error).toEqual({ code: "PAYLOAD_TOO_LARGE", message: fr.errors.tooLarge("4 KB") });
    expect(passed.some((p) => p.url === "/api/v1/patients")).toBe(false);
  });

  it("hands a chunked body within the limit on whole, with its length", async () => {
    const body = JSON.stringify({ text: "y".repeat(3000) });
    const r = await raw(`POST /api/v1/chunked HTTP/1.1\r\nContent-Type: application/json`, body, { chunked: true });
    expect(r.status).toBe(200);
    expect(passed.find((p) => p.url === "/api/v1/chunked")).toEqual({
      url: "/api/v1/chunked",
      length: String(body.length),
      body,
    });
  });

  it("lets a declared body within the limit stream on", async () => {
    const r = await raw(`POST /api/v1/declared HTTP/1.1\r\nContent-Length: 5`, "hello");
    expect(r.status).toBe(200);
    expect(passed.find((p) => p.url === "/api/v1/declared")?.body).toBe("hello");
  });

  it("answers an OperationOutcome under /fhir and a plain page elsewhere", async () => {
    const fhir = await raw(`POST /fhir/R4/Patient HTTP/1.1\r\nContent-Length: 999999`);
    expect(fhir.status).toBe(413);
    expect(JSON.parse(fhir.body)).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "too-costly" }],
    });
    const page = await raw(`POST /patients/new HTTP/1.1\r\nContent-Length: 999999\r\nCookie: a=b; hms_locale=fr`);
    expect(page.status).toBe(413);
    expect(page.headers).toMatch(/content-type: text\/plain/i);
    expect(page.body).toContain(fr.errors.tooLarge("4 KB"));
  });
});

describe("Expect: 100-continue", () => {
  /** Sends the head, waits for the first answer, sends the body only after a 100 Continue; everything received. */
  function expecting(length: number): Promise<string> {
    return new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      let data = "";
      let sent = false;
      socket.on("data", (d) => {
        data += d.toString();
        if (!sent && data.startsWith("HTTP/1.1 100")) {
          sent = true;
          socket.write("z".repeat(length));
        }
      });
      socket.on("error", () => {});
      socket.on("close", () => resolve(data));
      socket.write(
        `POST /api/v1/continue HTTP/1.1\r\nHost: x\r\nConnection: close\r\nExpect: 100-continue\r\nContent-Length: ${length}\r\n\r\n`,
      );
    });
  }

  it("refuses a body over the limit without inviting it", async () => {
    const answer = await expecting(50 * 1024 * 1024);
    expect(answer).toMatch(/^HTTP\/1.1 413/);
    expect(answer).not.toContain("100 Continue");
  });

  it("invites a body within the limit, which reaches the handler", async () => {
    const answer = await expecting(100);
    expect(answer).toMatch(/^HTTP\/1.1 100 Continue[\s\S]*HTTP\/1.1 200/);
    expect(passed.find((p) => p.url === "/api/v1/continue")?.body).toBe("z".repeat(100));
  });
});

describe("malformed %-escapes in the path", () => {
  it("are answered 400 BAD_REQUEST_PATH before the handler", async () => {
    for (const path of [
      "/api/v1/patients/%ZZ",
      "/api/v1/patients/%E0%A4%A",
      "/api/v1/patients/%C0%80",
      "/api/v1/patients/%",
    ]) {
      const r = await raw(`GET ${path} HTTP/1.1`);
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body), path).toEqual({ error: { code: "BAD_REQUEST_PATH", message: en.errors.badPath } });
    }
    const fhir = await raw(`GET /fhir/R4/Patient/%ZZ HTTP/1.1`);
    expect(JSON.parse(fhir.body)).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ code: "invalid", diagnostics: en.errors.badPath }],
    });
    const page = await raw(`GET /patients/%ZZ HTTP/1.1`);
    expect(page.status).toBe(400);
    expect(page.body).toContain(en.errors.badPath);
    expect(passed.some((p) => p.url.includes("%ZZ"))).toBe(false);
  });

  it("leave good escapes and the query alone", async () => {
    expect(malformedPath("/api/v1/patients/%C3%A9t%C3%A9?q=%ZZ")).toBe(false);
    expect(malformedPath("/api/v1/patients?q=%")).toBe(false);
    expect((await raw(`GET /api/v1/patients/%C3%A9?q=%ZZ HTTP/1.1`)).status).toBe(200);
  });
});

describe("settings and sentences", () => {
  it("reads REQUEST_BODY_LIMIT_BYTES", () => {
    expect(bodyLimitBytes(undefined)).toBe(1024 * 1024);
    expect(bodyLimitBytes("")).toBe(1024 * 1024);
    expect(bodyLimitBytes("2097152")).toBe(2 * 1024 * 1024);
    for (const bad of ["1mb", "-1", "100", "1.5e6x", "2.5"])
      expect(() => bodyLimitBytes(bad), bad).toThrow(/REQUEST_BODY_LIMIT_BYTES/);
    expect([formatBytes(1024 * 1024), formatBytes(512 * 1024), formatBytes(1500)]).toEqual([
      "1 MB",
      "512 KB",
      "1500 bytes",
    ]);
  });

  it("are the catalogue's sentences", () => {
    expect(MESSAGES.en.tooLarge("1 MB")).toBe(en.errors.tooLarge("1 MB"));
    expect(MESSAGES.fr.tooLarge("1 MB")).toBe(fr.errors.tooLarge("1 MB"));
    expect(MESSAGES.en.badPath).toBe(en.errors.badPath);
    expect(MESSAGES.fr.badPath).toBe(fr.errors.badPath);
  });

  it("tells the language from the cookie, then Accept-Language", () => {
    expect(edgeLocale({})).toBe("en");
    expect(edgeLocale({ "accept-language": "de-DE, fr;q=0.8, en;q=0.5" })).toBe("fr");
    expect(edgeLocale({ "accept-language": "fr", cookie: "hms_locale=en" })).toBe("en");
  });
});

describe("a refused upload the client keeps sending", () => {
  // What fetch, browsers and Playwright do: write the whole body, then read the answer. Closing the
  // connection under them resets it (the reset can discard the 413 before it is read: the e2e walker
  // saw "write ECONNRESET"); lingering reads the rest and drops it.
  it("is read and thrown away until it ends: no reset, and the client gets its 413", async () => {
    const size = 8 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x5b); // "[[[[…", the body that used to exhaust the heap
    const result = await new Promise<{ status: number; errors: string[] }>((resolve) => {
      // Half-open, as an uploading client is: it goes on writing after the server's FIN.
      const socket = net.connect({ port, host: "127.0.0.1", allowHalfOpen: true });
      const errors: string[] = [];
      let data = "";
      socket.on("data", (d) => (data += d.toString()));
      socket.on("error", (e: NodeJS.ErrnoException) => errors.push(e.code ?? e.message));
      socket.on("close", () => resolve({ status: Number(data.split(" ")[1]), errors }));
      socket.write(
        `POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
      );
      let sent = 0;
      const pump = () => {
        while (sent < size && !socket.destroyed) {
          sent += chunk.length;
          // A little at a time, as a real upload arrives: the answer is out long before the body ends.
          if (!socket.write(chunk)) return void socket.once("drain", () => setTimeout(pump, 1));
        }
        if (!socket.destroyed) socket.end();
      };
      setTimeout(pump, 20);
    });
    expect(result.status).toBe(413);
    expect(result.errors).toEqual([]);
  });
});
