import { env } from "@/lib/server/env";
import { faviconSvg } from "@/lib/system/favicon";

export const dynamic = "force-dynamic";

/** The tab icon: HOSPITAL_NAME's initials (lib/system/favicon.ts). */
export async function GET() {
  return new Response(faviconSvg(env().HOSPITAL_NAME), {
    headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=3600" },
  });
}
