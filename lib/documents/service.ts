import { createHash } from "node:crypto";
import { formatBytes } from "../../scripts/body-limit.mjs";
import { patientScope } from "@/lib/patients/scope";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError, notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { readUpload, type FilePart } from "./multipart";
import { documentView, DOCUMENT_SELECT } from "./queries";
import { DOCUMENT_FIELD_NAMES, FILE_FIELD, toDbCategory, ZDocumentFields, type DocumentFields } from "./schemas";
import { isImage, SNIFF_BYTES, sniffContentType, type DocumentContentType } from "./sniff";
import { thumbnailSink, type ThumbnailSink } from "./thumbnail";
import { E } from "@/lib/i18n/error-keys";
import type { Msg } from "@/lib/i18n/message";

const m = E.documents.errors;
const invalid = (fields: Record<string, Msg>) => new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields });

/** A stored piece of a document's bytes (DocumentChunk): this size, the last one smaller. */
export const CHUNK_BYTES = 256 * 1024;
/** How long one upload may take end to end (its transaction holds a connection meanwhile). */
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

export const documentMaxBytes = () => env().DOCUMENT_MAX_BYTES;
export const documentTooLarge = (limit = documentMaxBytes()) =>
  new AppError("PAYLOAD_TOO_LARGE", m.tooLarge(formatBytes(limit)));

/** The form's fields (sent before the file), checked: unknown names and bad values are a 400. */
function fieldsOf(raw: Record<string, string>): DocumentFields {
  const unknown = Object.keys(raw).filter((k) => !(DOCUMENT_FIELD_NAMES as readonly string[]).includes(k));
  if (unknown.length) throw invalid(Object.fromEntries(unknown.map((k) => [k, m.unknownField(k)])));
  return parseInput(ZDocumentFields, raw);
}

/** A file name fit for Content-Disposition and the list: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string, type: DocumentContentType): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return clean || `document.${type === "application/pdf" ? "pdf" : type === "image/png" ? "png" : "jpg"}`;
}

/**
 * Attaches a document to a patient's chart from a multipart/form-data request (fields first, then
 * one `file` part), streamed: the file's bytes go to DocumentChunk piece by piece as they arrive,
 * in one transaction with the Document row and its audit CREATE row, so a refused or broken upload
 * leaves nothing behind. Its type is what its first bytes say (PDF, JPEG or PNG; else 415), whatever
 * its name or declared type; past DOCUMENT_MAX_BYTES it is refused (413). A consultation or admission
 * named must be this patient's. Permission (document.upload) is the caller's door; scope is here.
 */
export async function uploadDocument(prisma: Db, ctx: Ctx, patientId: string, req: Request) {
  const limit = documentMaxBytes();
  const upload = readUpload(req, limit);
  try {
    const patient = await prisma.patient.findFirst({
      where: { id: patientId, ...patientScope(ctx.actor) },
      select: { id: true },
    });
    if (!patient) throw notFound("patient");
    const file = await upload.file;
    if (file.field !== FILE_FIELD) throw invalid({ [file.field]: m.unknownField(file.field) });
    const fields = fieldsOf(upload.fields);
    const id = await prisma.$transaction(
      async (tx) => {
        await assertOwnLinks(tx as unknown as Db, patientId, fields);
        const stored = await storeFile(tx as unknown as Db, ctx, patientId, fields, file, limit);
        await upload.done();
        return stored;
      },
      { timeout: UPLOAD_TIMEOUT_MS, maxWait: 10_000 },
    );
    const row = await prisma.document.findUniqueOrThrow({ where: { id }, select: DOCUMENT_SELECT });
    return documentView(row);
  } catch (err) {
    upload.abort();
    throw err;
  }
}

async function assertOwnLinks(tx: Db, patientId: string, f: DocumentFields) {
  const fields: Record<string, Msg> = {};
  if (
    f.consultationId &&
    !(await tx.consultation.findFirst({ where: { id: f.consultationId, patientId }, select: { id: true } }))
  )
    fields.consultationId = m.notThisPatient;
  if (
    f.admissionId &&
    !(await tx.admission.findFirst({ where: { id: f.admissionId, patientId }, select: { id: true } }))
  )
    fields.admissionId = m.notThisPatient;
  if (Object.keys(fields).length) throw invalid(fields);
}

/** Reads the file part to its end, writing each piece as it fills; returns the new document's id. */
async function storeFile(
  tx: Db,
  ctx: Ctx,
  patientId: string,
  f: DocumentFields,
  file: FilePart,
  limit: number,
): Promise<string> {
  const hash = createHash("sha256");
  let documentId: string | null = null;
  let contentType: DocumentContentType | null = null;
  let thumb: ThumbnailSink | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let seq = 0;

  /** Writes the pending bytes as pieces of CHUNK_BYTES (`all`: the last, shorter one too). */
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      const data = joined.subarray(0, Math.min(CHUNK_BYTES, joined.length));
      const rest = joined.subarray(data.length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      await writePiece(data);
    }
  };
  const writePiece = async (data: Buffer) => {
    if (documentId === null) {
      // The first piece: the type from its first bytes, then the row the pieces belong to.
      contentType = sniffContentType(data.subarray(0, SNIFF_BYTES));
      if (!contentType) throw new AppError("UNSUPPORTED_MEDIA_TYPE", m.badType, { fields: { file: m.badType } });
      if (isImage(contentType)) thumb = thumbnailSink();
      const row = await tx.document.create({
        data: {
          patientId,
          title: f.title,
          category: toDbCategory(f.category),
          documentDate: new Date(`${f.documentDate}T00:00:00Z`),
          consentSignedOn: f.consentSignedOn ? new Date(`${f.consentSignedOn}T00:00:00Z`) : null,
          contentType,
          byteSize: 0,
          sha256: "",
          fileName: cleanFileName(file.filename, contentType),
          sharedWithPatient: f.sharedWithPatient,
          consultationId: f.consultationId ?? null,
          admissionId: f.admissionId ?? null,
          uploadedById: ctx.actor.id,
        },
        select: { id: true },
      });
      documentId = row.id;
    }
    thumb?.write(data);
    await tx.documentChunk.create({
      data: {
        documentId,
        seq: seq++,
        data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) as Uint8Array<ArrayBuffer>,
      },
    });
  };

  let thumbnail: Buffer | null = null;
  try {
    for await (const chunk of file.stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      hash.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) await flush(false);
    }
    if (file.truncated() || size > limit) throw documentTooLarge(limit);
    if (size === 0) throw invalid({ file: m.fileEmpty });
    await flush(true);
    thumbnail = thumb ? await (thumb as ThumbnailSink).finish() : null;
  } catch (err) {
    (thumb as ThumbnailSink | null)?.abort();
    throw err;
  }
  await tx.document.update({
    where: { id: documentId! },
    data: {
      byteSize: size,
      sha256: hash.digest("hex"),
      thumbnail: thumbnail ? (new Uint8Array(thumbnail) as Uint8Array<ArrayBuffer>) : null,
    },
  });
  await audit(tx, ctx, {
    action: "CREATE",
    entity: "Document",
    entityId: documentId!,
    patientId,
    details: { category: f.category, contentType: contentType!, byteSize: size, shared: f.sharedWithPatient },
  });
  return documentId!;
}
