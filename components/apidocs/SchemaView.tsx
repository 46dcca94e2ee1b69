// A JSON Schema (as in the OpenAPI document) rendered as a readable, nested field list.

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  $ref?: string;
};

function typeLabel(s: Schema): string {
  if (s.$ref) return s.$ref.split("/").pop()!;
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeLabel).join(" | ");
  if (s.type === "array") return `${s.items ? typeLabel(s.items) : "any"}[]`;
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${t} (${s.format})` : t;
}

/** The words of the field list, in the reader's language. */
export type SchemaLabels = { required: string; minLength: string; maxLength: string; defaultValue: string };

function limits(s: Schema, l: SchemaLabels): string {
  const parts = [
    s.minLength !== undefined ? `${l.minLength} ${s.minLength}` : null,
    s.maxLength !== undefined ? `${l.maxLength} ${s.maxLength}` : null,
    s.minimum !== undefined ? `≥ ${s.minimum}` : null,
    s.maximum !== undefined ? `≤ ${s.maximum}` : null,
    s.default !== undefined ? `${l.defaultValue} ${JSON.stringify(s.default)}` : null,
  ].filter(Boolean);
  return parts.join(", ");
}

/** Objects nested inside a property (directly, in an array, or in alternatives). */
function nested(s: Schema): Schema[] {
  if (s.properties) return [s];
  if (s.items) return nested(s.items);
  return (s.anyOf ?? s.oneOf ?? []).flatMap(nested);
}

export function SchemaView({ schema, labels }: { schema: Schema; labels: SchemaLabels }) {
  const objects = nested(schema);
  if (!objects.length) return <p className="font-mono text-xs text-slate-700">{typeLabel(schema)}</p>;
  return (
    <div className="space-y-2">
      {objects.map((o, i) => (
        <ul key={i} className="space-y-1 border-l-2 border-slate-200 pl-3">
          {Object.entries(o.properties ?? {}).map(([name, p]) => (
            <li key={name} className="text-sm">
              <span className="font-mono font-medium text-slate-900">{name}</span>{" "}
              <span className="font-mono text-xs text-brand-700">{typeLabel(p)}</span>
              {o.required?.includes(name) ? (
                <span className="ml-1 text-xs font-medium text-red-700">{labels.required}</span>
              ) : null}
              {limits(p, labels) ? <span className="ml-1 text-xs text-slate-500">({limits(p, labels)})</span> : null}
              {nested(p).length ? (
                <div className="mt-1">
                  <SchemaView schema={p} labels={labels} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
