import { SchemaView } from "@/components/apidocs/SchemaView";
import { messages, titled } from "@/lib/server/locale";
import { env } from "@/lib/server/env";
import { OPERATIONS } from "@/lib/api/operations";
import { jsonSchemaOf } from "@/lib/server/openapi";
import { PERMISSIONS } from "@/lib/server/permissions";

export const generateMetadata = titled((m) => m.titles.apiDocs);

const METHOD_TONES: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800",
  POST: "bg-green-100 text-green-800",
  PUT: "bg-amber-100 text-amber-800",
  PATCH: "bg-amber-100 text-amber-800",
  DELETE: "bg-red-100 text-red-800",
};

/** The registry's summaries mark code with backticks, as in Markdown. */
function Summary({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-xs text-slate-800">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

const anchor = (tag: string) => `tag-${tag.replace(/[^a-z0-9]+/gi, "-")}`;

/** The OpenAPI registry rendered on the server: paths grouped by tag, with permissions and schemas. */
export default async function ApiDocsPage() {
  const m = (await messages()).tokens.apiDocs;
  const tags = [...new Set(OPERATIONS.map((o) => o.tag))].sort();
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-10">
      <header className="space-y-2">
        <p className="text-sm font-semibold text-brand-700">{env().HOSPITAL_NAME}</p>
        <h1 className="text-2xl font-semibold text-slate-900">{m.title}</h1>
        <p className="text-sm text-slate-600">
          {m.intro}{" "}
          <a href="/api/v1/openapi.json" className="font-mono text-brand-700 hover:underline">
            /api/v1/openapi.json
          </a>
        </p>
      </header>
      <nav aria-label={m.contents} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-2 text-sm font-semibold text-slate-900">{m.contents}</h2>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {tags.map((t) => (
            <li key={t}>
              <a href={`#${anchor(t)}`} className="text-brand-700 hover:underline">
                {t}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} id={anchor(tag)} aria-labelledby={`${anchor(tag)}-h`} className="space-y-3">
          <h2 id={`${anchor(tag)}-h`} className="text-lg font-semibold capitalize text-slate-900">
            {tag}
          </h2>
          {OPERATIONS.filter((o) => o.tag === tag).map((op) => (
            <details
              key={`${op.method} ${op.path}`}
              data-op={`${op.method} ${op.path}`}
              className="rounded-lg border border-slate-200 bg-white shadow-sm open:shadow"
            >
              <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-3">
                <span
                  className={`w-16 rounded px-2 py-0.5 text-center font-mono text-xs font-semibold ${METHOD_TONES[op.method]}`}
                >
                  {op.method}
                </span>
                <span className="font-mono text-sm text-slate-900">/api/v1{op.path}</span>
                <span className="text-sm text-slate-600">
                  <Summary text={op.summary} />
                </span>
              </summary>
              <div className="space-y-3 border-t border-slate-100 px-4 py-3 text-sm">
                <p>
                  <span className="font-medium">{m.permission}:</span>{" "}
                  {op.permission ? (
                    <>
                      <code className="font-mono">{op.permission}</code> ({PERMISSIONS[op.permission].roles.join(", ")})
                    </>
                  ) : (
                    m.public
                  )}
                  {op.scopes?.length ? (
                    <span className="ml-3">
                      <span className="font-medium">{m.scopes}:</span>{" "}
                      <code className="font-mono">full, {op.scopes.join(", ")}</code>
                    </span>
                  ) : null}
                </p>
                {op.query || op.path.includes("{") ? (
                  <p>
                    <span className="font-medium">{m.parameters}:</span>{" "}
                    <code className="font-mono text-xs">
                      {[
                        ...[...op.path.matchAll(/\{(\w+)\}/g)].map((x) => `${x[1]} (${m.pathParam})`),
                        ...Object.keys(op.query?.shape ?? {}).map((q) => `?${q}`),
                      ].join(", ")}
                    </code>
                  </p>
                ) : null}
                {op.body ? (
                  <div>
                    <p className="mb-1 font-medium">{m.body}</p>
                    <SchemaView schema={jsonSchemaOf(op.body)} labels={m} />
                  </div>
                ) : null}
                <p>
                  <span className="font-medium">{m.responses}:</span>{" "}
                  {[op.status ?? 200, ...(op.otherStatuses ?? [])].join(", ")}
                  {op.list ? ` — ${m.list}` : ""}; {m.error}
                </p>
              </div>
            </details>
          ))}
        </section>
      ))}
    </main>
  );
}
