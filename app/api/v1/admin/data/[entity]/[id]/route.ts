import { browsable, getRecord, recordHistory } from "@/lib/databrowser/queries";
import { apiRoute, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/databrowser/contract";

// GET /api/v1/admin/data/{entity}/{id}: every browsable field, references as links, and the record's audit history (paged, newest first).
export const GET = apiRoute(ops.getAdminDataByEntityById, async ({ req, ctx, params }) => {
  const e = browsable(ctx, params.entity);
  // The query is checked before the record is read (and its VIEW audited): a refused read reads nothing.
  const page = parseListQuery(req.nextUrl.searchParams, ["seq"], "-seq");
  const record = await getRecord(db(), ctx, e, params.id);
  const history = await recordHistory(db(), e, record, page);
  return {
    entity: e.key,
    editable: !!e.edit,
    ...record,
    history: { ...history, page: page.page, pageSize: page.pageSize },
  };
});
