// What the web server checks before Next sees a request (scripts/web-worker.mjs), so that no request
// can cost more memory than the body limit or reach Next's own plain-text 500:
//
// - The body limit (REQUEST_BODY_LIMIT_BYTES, default 1 MB, on every route handler, page and server
//   action). A Content-Length above it is answered 413 at once, before the body is read; then the
//   rest of the body is read and dropped for a while before the connection closes (nginx's
//   client_max_body_size with its lingering close), so a client still writing gets the 413 and not
//   a reset. A body without
//   Content-Length (chunked) is read here up to the limit and handed to Next whole, or answered 413
//   as soon as it passes the limit; a body with Content-Length streams on to Next (Node's parser
//   never delivers more than the declared length). So 8 concurrent 50 MB uploads hold at most the
//   limit each, and the route handlers' own bounded reader (lib/server/body.ts) is a second line.
// - A malformed %-escape in the path ("/api/v1/patients/%ZZ", or bytes that are not UTF-8) is
//   answered 400 BAD_REQUEST_PATH: Next would otherwise fail decoding it with a plain-text 500.
//
// Answers given here carry the API's error shape (an OperationOutcome under /fhir, a plain page
// elsewhere), in the caller's language (the hms_locale cookie, else Accept-Language: the signed-in
// user's own choice cannot be known before the session is read), and the headers next.config.ts
// would have added (Cache-Control: no-store, X-Content-Type-Options: nosniff).
import http from "node:http";
import { acceptedLanguages } from "../lib/i18n/accept-language.mjs";
import { formatBytes } from "./body-limit.mjs";

export {
  bodyLimitBytes,
  bodyLimitFor,
  DEFAULT_BODY_LIMIT_BYTES,
  documentMaxBytes,
  formatBytes,
  MIN_BODY_LIMIT_BYTES,
} from "./body-limit.mjs";

// The sentences of lib/i18n (en.ts errors.*, shell.fr.ts): this file runs before any TypeScript is
// loaded. request-guard.test.ts checks that they are the catalogue's.
export const MESSAGES = {
  en: {
    tooLarge: (limit) => `The request body is larger than ${limit}.`,
    badPath: "The address of this request is not valid (a malformed %-escape).",
  },
  fr: {
    tooLarge: (limit) => `Le corps de la requête dépasse ${limit}.`,
    badPath: "L'adresse de cette requête n'est pas valide (un échappement % mal formé).",
  },
};

/** The caller's language as far as the front can tell: the hms_locale cookie, else Accept-Language, else English. */
export function edgeLocale(headers) {
  const cookie = /(?:^|;\s*)hms_locale=([^;]*)/.exec(headers.cookie ?? "")?.[1];
  if (cookie === "en" || cookie === "fr") return cookie;
  return acceptedLanguages(headers["accept-language"]).find((b) => b === "en" || b === "fr") ?? "en";
}

/** The path (before `?`) has a malformed %-escape or escapes that are not UTF-8. */
export function malformedPath(url) {
  const path = String(url ?? "").split("?", 1)[0];
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const FHIR_ISSUE = { PAYLOAD_TOO_LARGE: "too-costly", BAD_REQUEST_PATH: "invalid" };

/** Answers an error from the front, in the shape the path's API uses, and closes the connection if asked. */
export function answer(req, res, status, code, message, { close = false } = {}) {
  const path = String(req.url ?? "").split("?", 1)[0];
  let type = "text/plain; charset=utf-8";
  let body = `${status} ${message}\n`;
  if (/^\/api(\/|$)/.test(path)) {
    type = "application/json";
    body = JSON.stringify({ error: { code, message } });
  } else if (/^\/fhir(\/|$)/.test(path)) {
    type = "application/fhir+json";
    body = JSON.stringify({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: FHIR_ISSUE[code] ?? "exception", diagnostics: message }],
    });
  }
  const headers = {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (close) headers.Connection = "close";
  res.writeHead(status, headers);
  // node:http ends a "Connection: close" answer with socket.destroySoon(): taken over here while a
  // body is still to come, so that the connection lingers instead (below).
  if (close && req.socket && !req.complete) req.socket.destroySoon = () => lingerThenClose(req);
  res.end(body);
}

/** How long a refused upload is read and thrown away: at most this long in all, and while data keeps coming. */
export const LINGER = { totalMs: 30_000, idleMs: 5_000 };

/**
 * Closes the connection of a request answered before its body was read, the way nginx's lingering
 * close does (lingering_time 30 s, lingering_timeout 5 s): what the client still sends is read and
 * thrown away — never kept, so memory does not move — until the body ends, the client pauses for
 * `idleMs`, or `totalMs` has passed. Closing at once would reset the connection under a client that
 * is still writing, and most clients (browsers, fetch, Playwright) then report a network error
 * instead of the 413 they were sent.
 */
function lingerThenClose(req) {
  const socket = req.socket;
  if (socket.destroyed) return;
  // The answer goes out and the write side closes (FIN); the read side stays open (node:http's
  // sockets allow half-open connections) so the rest of the body can be read and dropped.
  socket.end();
  if (req.complete) return;
  let idle;
  const done = () => {
    clearTimeout(total);
    clearTimeout(idle);
    req.off("data", bump);
    // Once the answer has gone out (the prototype's destroySoon: this socket's own is the hook above).
    Object.getPrototypeOf(socket).destroySoon.call(socket);
  };
  const bump = () => {
    clearTimeout(idle);
    idle = setTimeout(done, LINGER.idleMs);
  };
  const total = setTimeout(done, LINGER.totalMs);
  bump();
  req.on("data", bump);
  req.once("end", done);
  req.once("error", done);
  req.resume();
}

/** A request body (chunked, no Content-Length) read whole, or null once it passed `limit` (reading stops). */
function readBounded(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/**
 * A request like `req` whose content is `body` (read whole) with the Content-Length it now has: a
 * real IncomingMessage on the same socket, so that Next reads it as it would read the original.
 */
function withBody(req, body) {
  const copy = new http.IncomingMessage(req.socket);
  const headers = { ...req.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  const rawHeaders = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!/^(transfer-encoding|content-length)$/i.test(req.rawHeaders[i]))
      rawHeaders.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  rawHeaders.push("Content-Length", String(body.length));
  Object.assign(copy, {
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    headers,
    rawHeaders,
    trailers: req.trailers,
    rawTrailers: req.rawTrailers,
    complete: true,
  });
  if (body.length) copy.push(body);
  copy.push(null);
  return copy;
}

const chunked = (req) => /chunked/i.test(String(req.headers["transfer-encoding"] ?? ""));
const hasBody = (req) => chunked(req) || Number(req.headers["content-length"] ?? 0) > 0;

/**
 * The front's checks for one request: resolves to the request to hand on to Next (`req` itself, or
 * a copy carrying the chunked body read here), or null when it has been answered here.
 * `expectsContinue` (a request with "Expect: 100-continue", node:http's checkContinue): the client is
 * told to send its body only once the declared length is allowed, so a refused one never comes.
 */
export async function guardRequest(req, res, limit, { expectsContinue = false } = {}) {
  if (malformedPath(req.url)) {
    answer(req, res, 400, "BAD_REQUEST_PATH", MESSAGES[edgeLocale(req.headers)].badPath, { close: hasBody(req) });
    return null;
  }
  const tooLarge = () => MESSAGES[edgeLocale(req.headers)].tooLarge(formatBytes(limit));
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    answer(req, res, 413, "PAYLOAD_TOO_LARGE", tooLarge(), { close: true });
    return null;
  }
  // "Expect: 100-continue": the client sends the body once told to, which is now.
  if (expectsContinue) res.writeContinue();
  if (declared !== undefined) return req;
  // No declared length: a body only when chunked (RFC 9112 §6.3); read it here, within the limit.
  if (!chunked(req)) return req;
  const body = await readBounded(req, limit);
  if (body === null) {
    answer(req, res, 413, "PAYLOAD_TOO_LARGE", tooLarge(), { close: true });
    return null;
  }
  return withBody(req, body);
}
