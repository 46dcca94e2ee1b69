import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // pdfkit reads its font metrics from disk at run time.
  serverExternalPackages: ["pdfkit"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

/**
 * next-intl's plugin points the build (and `next dev`) at lib/i18n/request.ts, where each request's
 * language and time zone are read. The production server needs none of it, and loading the plugin
 * there would load its build tools too (@swc/core, @parcel/watcher: a serving process started at
 * 181 MB resident with them, 157 MB without), so it is applied in every phase but that one.
 */
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
}
