import type { Prisma } from "@/lib/generated/prisma/client";
import { chartOf, type ChartAccess } from "@/lib/patients/chart";
import type { ListQuery } from "@/lib/server/api";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Actor, Ctx } from "@/lib/server/session";
import { fromDbCategory, toDbCategory, type DocumentCategoryCode } from "./schemas";

// Reads of chart documents. Scope: staff holding document.read see every document of a chart they
// may open; a patient only their own documents that staff shared with them. Anything else is not
// found (404), exactly like a document that does not exist. Every read is audited: a list through
// the chart's opening (one VIEW row), each content or thumbnail view by its own VIEW row.

/** Which documents an actor may see. */
export function documentScope(actor: Actor): Prisma.DocumentWhereInput {
  return actor.role === "PATIENT" ? { sharedWithPatient: true, patient: { userId: actor.id } } : {};
}

export const DOCUMENT_SELECT = {
  id: true,
  patientId: true,
  consultationId: true,
  admissionId: true,
  title: true,
  category: true,
  documentDate: true,
  consentSignedOn: true,
  contentType: true,
  byteSize: true,
  fileName: true,
  sharedWithPatient: true,
  createdAt: true,
  uploadedBy: { select: { id: true, name: true } },
  // Whether there is a thumbnail, without reading it: the list never reads the bytes.
  thumbnail: false,
} as const satisfies Prisma.DocumentSelect;
type DocumentRow = Prisma.DocumentGetPayload<{ select: typeof DOCUMENT_SELECT }> & { hasThumbnail?: boolean };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A document as the API and the pages show it (never its bytes: `url` opens them). */
export function documentView(d: DocumentRow) {
  return {
    id: d.id,
    patientId: d.patientId,
    title: d.title,
    category: fromDbCategory(d.category),
    documentDate: day(d.documentDate)!,
    consentSignedOn: day(d.consentSignedOn),
    contentType: d.contentType,
    byteSize: d.byteSize,
    fileName: d.fileName,
    sharedWithPatient: d.sharedWithPatient,
    consultationId: d.consultationId,
    admissionId: d.admissionId,
    uploadedBy: d.uploadedBy,
    createdAt: d.createdAt.toISOString(),
    url: `/api/v1/documents/${d.id}`,
    thumbnailUrl: d.contentType.startsWith("image/") ? `/api/v1/documents/${d.id}/thumbnail` : null,
  };
}
export type DocumentView = ReturnType<typeof documentView>;

export type DocumentSort = "documentDate" | "createdAt" | "title";

/** One page of an opened chart's documents (the opening wrote the audit row), newest document date first by default. */
export async function listDocuments(
  prisma: Db,
  access: ChartAccess,
  query: ListQuery<DocumentSort>,
  filter: { category?: DocumentCategoryCode } = {},
) {
  const { patientId, ctx } = chartOf(access);
  const where: Prisma.DocumentWhereInput = {
    patientId,
    ...documentScope(ctx.actor),
    ...(filter.category ? { category: toDbCategory(filter.category) } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.document.findMany({
      where,
      select: DOCUMENT_SELECT,
      orderBy: [{ [query.sort.field]: query.sort.dir }, { id: query.sort.dir }],
      skip: query.skip,
      take: query.take,
    }),
    prisma.document.count({ where }),
  ]);
  return { items: rows.map(documentView), total };
}

/** The latest consent document of an opened chart (by the date signed), or null. */
export async function latestConsent(prisma: Db, access: ChartAccess) {
  const { patientId, ctx } = chartOf(access);
  const row = await prisma.document.findFirst({
    where: { patientId, category: "CONSENT", ...documentScope(ctx.actor) },
    select: DOCUMENT_SELECT,
    orderBy: [{ consentSignedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
  });
  return row ? documentView(row) : null;
}

/** A document the actor may see, its view written to the audit trail first; else 404. */
async function auditedDocument(prisma: Db, ctx: Ctx, id: string, details?: Prisma.InputJsonValue) {
  const doc = await prisma.document.findFirst({
    where: { id, ...documentScope(ctx.actor) },
    select: { id: true, patientId: true, contentType: true, byteSize: true, fileName: true },
  });
  if (!doc) throw notFound("document");
  await audit(prisma, ctx, { action: "VIEW", entity: "Document", entityId: doc.id, patientId: doc.patientId, details });
  return doc;
}

/**
 * A document's content for the actor: its description and a stream of its bytes, read from the
 * database one stored piece at a time as the client takes them (never the whole file at once).
 */
export async function openDocumentContent(prisma: Db, ctx: Ctx, id: string) {
  const doc = await auditedDocument(prisma, ctx, id);
  let seq = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const piece = await prisma.documentChunk.findUnique({
          where: { documentId_seq: { documentId: doc.id, seq } },
          select: { data: true },
        });
        if (!piece) return controller.close();
        seq++;
        controller.enqueue(piece.data);
      },
    },
    { highWaterMark: 0 },
  );
  return { ...doc, body };
}

/** An image document's thumbnail (WebP), its view audited; 404 when the actor may not see it or it has none. */
export async function documentThumbnail(prisma: Db, ctx: Ctx, id: string): Promise<Uint8Array> {
  const row = await prisma.document.findFirst({
    where: { id, ...documentScope(ctx.actor), thumbnail: { not: null } },
    select: { id: true },
  });
  if (!row) throw notFound("document");
  await auditedDocument(prisma, ctx, id, { thumbnail: true });
  const { thumbnail } = await prisma.document.findUniqueOrThrow({ where: { id }, select: { thumbnail: true } });
  return thumbnail!;
}

/** What an upload may be linked to on an opened chart: its latest consultations and admissions (dates and names only). */
export async function documentLinkTargets(prisma: Db, access: ChartAccess) {
  const { patientId } = chartOf(access);
  const [consultations, admissions] = await Promise.all([
    prisma.consultation.findMany({
      where: { patientId },
      select: { id: true, createdAt: true, doctor: { select: { name: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
    }),
    prisma.admission.findMany({
      where: { patientId },
      select: { id: true, admittedAt: true, department: { select: { name: true } } },
      orderBy: [{ admittedAt: "desc" }, { id: "desc" }],
      take: 20,
    }),
  ]);
  return {
    consultations: consultations.map((c) => ({ id: c.id, date: c.createdAt.toISOString(), doctor: c.doctor.name })),
    admissions: admissions.map((a) => ({
      id: a.id,
      date: a.admittedAt.toISOString(),
      department: a.department?.name ?? "—",
    })),
  };
}
