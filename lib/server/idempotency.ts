import { createHash } from "node:crypto";
import type { Db } from "./db";
import { DB_NOW, dbNowPlus } from "./db-time";
import { AppError } from "./errors";
import { log } from "./log";
import { clock } from "./clock";
import { E } from "@/lib/i18n/error-keys";

// The Idempotency-Key request header (IETF draft-ietf-httpapi-idempotency-key-header, as Stripe
// does it) on the POSTs that create or move things: a client that lost the answer (a connection
// reset after the booking committed) sends the same request with the same key and gets the first
// answer back instead of a second booking.
//
// - Keys belong to the caller (the user behind the session or token): one user's key never reaches
//   another user's answer.
// - The first request with a key inserts its row; the unique index (actorId, key) decides between
//   concurrent ones. A second request while the first still runs gets 409 IDEMPOTENCY_KEY_IN_USE
//   with Retry-After (the draft's MUST; Stripe's idempotency_key_in_use) rather than waiting, which
//   would hold a connection and a database session for as long as the first takes.
// - The same key with another request (method, path or body) gets 422 IDEMPOTENCY_KEY_REUSED.
// - Kept and replayed (with `Idempotent-Replayed: true`): the answer of a request that ran to a
//   decision: success, or a refusal by the rules (403, 404, 409, 422, 423), as the draft says
//   ("success or an error"). Not kept, so the same key may be sent again: 400 and 413 (the request
//   was not understood and nothing started, as Stripe), 401, 408, 429 and 5xx (transient; a failed
//   request writes nothing, and retrying is what the client should do).
// - Keys last 24 hours (then a key is new again); the idempotency.purge job deletes older rows.
// - A first request whose process died before answering leaves its key "in use"; after 60 s the same
//   request may take it over and run. Its work was either rolled back with the process, or committed
//   just before the answer was kept, where the services' own rules (one booking per slot, one patient
//   per bed, payments within the balance) still refuse the double.

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
const ABANDONED_AFTER_SECONDS = 60;

/** The key of a request, or null without the header; a malformed key is a 400 with the header named. */
export function idempotencyKeyOf(req: Request): string | null {
  const raw = req.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (raw === null) return null;
  // The draft makes the value a Structured Field string ("…"); a bare token (Stripe's form) is accepted too.
  const value = /^"(.*)"$/.exec(raw.trim())?.[1]?.replace(/\\(["\\])/g, "$1") ?? raw.trim();
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new AppError("VALIDATION_FAILED", E.errors.fixFields, {
      fields: { [IDEMPOTENCY_KEY_HEADER]: E.errors.idempotencyKeyFormat },
    });
  }
  return value;
}

const KEPT_4XX_EXCLUDED = new Set([400, 401, 408, 413, 429]);
const kept = (status: number) => status < 400 || (status < 500 && !KEPT_4XX_EXCLUDED.has(status));

type Stored = { fingerprint: string; status: number | null; contentType: string | null; body: string | null };

/**
 * Runs `run` once per caller and key: see the rules above. `run` answers with a Response (errors
 * included, already rendered), which is kept when it is final.
 */
export async function idempotently(
  prisma: Db,
  request: { actorId: string; key: string; method: string; path: string; body: Uint8Array },
  run: () => Promise<Response>,
): Promise<Response> {
  const fingerprint = createHash("sha256")
    .update(`${request.method} ${request.path}\n`)
    .update(request.body)
    .digest("hex");
  for (let tries = 0; tries < 3; tries++) {
    // The row is inserted, or taken over when expired (or abandoned by the same request): whoever's
    // statement returns it runs the request.
    const mine = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO "IdempotencyKey" (id, "actorId", key, fingerprint, "createdAt")
      VALUES (gen_random_uuid()::text, ${request.actorId}, ${request.key}, ${fingerprint}, ${DB_NOW})
      ON CONFLICT ("actorId", key) DO UPDATE
        SET fingerprint = EXCLUDED.fingerprint, "createdAt" = EXCLUDED."createdAt", status = NULL, "contentType" = NULL, body = NULL, "completedAt" = NULL
        WHERE "IdempotencyKey"."createdAt" < ${dbNowPlus(-IDEMPOTENCY_KEY_TTL_HOURS * 3600)}
           OR ("IdempotencyKey".status IS NULL AND "IdempotencyKey".fingerprint = EXCLUDED.fingerprint
               AND "IdempotencyKey"."createdAt" < ${dbNowPlus(-ABANDONED_AFTER_SECONDS)})
      RETURNING id`;
    if (mine.length === 1) return runAndKeep(prisma, mine[0].id, run);
    const seen = await prisma.idempotencyKey.findUnique({
      where: { actorId_key: { actorId: request.actorId, key: request.key } },
      select: { fingerprint: true, status: true, contentType: true, body: true },
    });
    if (seen) return replay(seen, fingerprint);
    // Released between the two statements (an answer not kept): try again.
  }
  throw new AppError("IDEMPOTENCY_KEY_IN_USE", E.errors.idempotencyInUse, { retryAfter: 1 });
}

function replay(seen: Stored, fingerprint: string): Response {
  if (seen.fingerprint !== fingerprint) throw new AppError("IDEMPOTENCY_KEY_REUSED", E.errors.idempotencyReused);
  if (seen.status === null) throw new AppError("IDEMPOTENCY_KEY_IN_USE", E.errors.idempotencyInUse, { retryAfter: 1 });
  const headers: Record<string, string> = { "Idempotent-Replayed": "true" };
  if (seen.contentType) headers["Content-Type"] = seen.contentType;
  return new Response(seen.body, { status: seen.status, headers });
}

async function runAndKeep(prisma: Db, id: string, run: () => Promise<Response>): Promise<Response> {
  const release = () => prisma.idempotencyKey.deleteMany({ where: { id, status: null } });
  let res: Response;
  try {
    res = await run();
  } catch (err) {
    await release();
    throw err;
  }
  if (!kept(res.status)) {
    await release();
    return res;
  }
  const body = await res.text();
  try {
    await prisma.idempotencyKey.update({
      where: { id },
      data: { status: res.status, contentType: res.headers.get("content-type"), body, completedAt: clock.now() },
    });
  } catch (err) {
    // The request is done; only its replay is lost (the key stays in use, then is taken over).
    log("error", "idempotent answer not kept", { id, error: String(err) });
  }
  return new Response(body, { status: res.status, headers: res.headers });
}

/** The idempotency.purge job: deletes the keys older than 24 hours. */
export async function purgeIdempotencyKeys(prisma: Db): Promise<{ deleted: number }> {
  const deleted =
    await prisma.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "createdAt" < ${dbNowPlus(-IDEMPOTENCY_KEY_TTL_HOURS * 3600)}`;
  return { deleted };
}
