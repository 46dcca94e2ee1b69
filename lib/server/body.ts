import { formatBytes } from "../../scripts/body-limit.mjs";
import { env } from "./env";
import { AppError } from "./errors";
import { E } from "@/lib/i18n/error-keys";

// The one reader of request bodies in route handlers (readJson, the idempotency fingerprint): never
// more than the body limit (REQUEST_BODY_LIMIT_BYTES, default 1 MB) in memory. The web server's front
// (scripts/request-guard.mjs) already refuses larger bodies before Next; this holds wherever a
// request reaches a handler another way (next dev, tests calling handlers directly), and it is
// what a handler may rely on.

/** The body limit in bytes. */
export const bodyLimit = () => env().REQUEST_BODY_LIMIT_BYTES;

export const tooLarge = (limit = bodyLimit()) =>
  new AppError("PAYLOAD_TOO_LARGE", E.errors.tooLarge(formatBytes(limit)));

/** A declared Content-Length above the limit is a 413 before anything else (authentication included) runs. */
export function assertDeclaredWithinLimit(req: Request, limit = bodyLimit()): void {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
}

/**
 * The body's bytes, at most `limit`: a declared Content-Length above it is refused before a byte is
 * read; a body that passes it while streaming stops being read and its stream is cancelled (413).
 */
export async function readBodyBytes(req: Request, limit = bodyLimit()): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge(limit);
  }
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(r.value);
  }
  return Buffer.concat(chunks);
}

/** Deepest nesting of arrays and objects a JSON body may have (ours are a few levels deep). */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `text` nests arrays/objects deeper than `max`, by one scan before JSON.parse: a body of a
 * million `[` would otherwise be parsed into a million arrays (the heap of a serving process).
 */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/**
 * The body as JSON (bounded, depth-checked), or `empty` when there is no body at all (undefined:
 * a missing body is malformed JSON). MALFORMED_JSON when it does not parse or nests too deep.
 */
export async function readJsonBody(req: Request, options: { empty?: unknown } = {}): Promise<unknown> {
  const text = new TextDecoder().decode(await readBodyBytes(req));
  if (options.empty !== undefined && text.trim() === "") return options.empty;
  if (tooDeep(text)) throw new AppError("MALFORMED_JSON", E.errors.jsonTooDeep(MAX_JSON_DEPTH));
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("MALFORMED_JSON", E.errors.badJson);
  }
}
