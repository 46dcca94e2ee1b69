import { publicRoute } from "@/lib/server/api";
import { openApiDocument } from "@/lib/server/openapi";
import { OPERATIONS } from "@/lib/api/operations";
import { ops } from "@/lib/system/contract";

/** This document: OpenAPI 3.1 of the whole API, built from the schemas the routes validate with. */
export const GET = publicRoute(ops.getOpenapiJson, async () => openApiDocument(OPERATIONS));
