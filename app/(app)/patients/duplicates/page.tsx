import Link from "next/link";
import { ConfirmedButton } from "@/components/patients/DuplicateActions";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { cell, Table } from "@/components/ui/Table";
import { messages, titled } from "@/lib/server/locale";
import { readDuplicatePairs, type PairSide } from "@/lib/patients/duplicates";
import { readLinkRequests } from "@/lib/patients/link-requests";
import { CERTAIN } from "@/lib/patients/matching";
import { patientRecordHref } from "@/lib/patients/scope";
import { parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";
import { dismissPairAction, resolveLinkAction } from "./actions";

export const generateMetadata = titled((m) => m.duplicates.title);

/**
 * The records officers' worklist: accounts waiting for a link to their record (oldest first), then
 * possible duplicate pairs (newest first, paged). Both reads are audited per patient shown.
 */
export default async function DuplicatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("patient.duplicates", "/patients/duplicates");
  const all = await messages();
  const m = all.duplicates;
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter(
      (e): e is [string, string] => typeof e[1] === "string" && e[0] === "page",
    ),
  );
  let query;
  try {
    query = parseListQuery(new URLSearchParams(raw), ["createdAt"], "-createdAt");
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    query = parseListQuery(new URLSearchParams(), ["createdAt"], "-createdAt");
  }
  const [links, pairs] = [await readLinkRequests(db(), ctx), await readDuplicatePairs(db(), ctx, query)];
  const recordHref = patientRecordHref(ctx.actor.role);
  const back = all.patients.chart.confirmBack;
  const who = (p: Pick<PairSide, "id" | "mrn" | "firstName" | "lastName">) => {
    const text = `${p.lastName}, ${p.firstName}`;
    return recordHref ? (
      <Link className="font-medium text-brand-700 underline" href={recordHref.replace("{id}", p.id)}>
        {text}
      </Link>
    ) : (
      <span className="font-medium">{text}</span>
    );
  };
  const sideCell = (p: PairSide) => (
    <td className={cell}>
      {who(p)}
      <span className="block text-xs text-slate-600">
        <span className="font-mono whitespace-nowrap">{p.mrn}</span> · {p.dateOfBirth}
        {p.phone ? (
          <>
            {" "}
            · <span className="whitespace-nowrap">{p.phone}</span>
          </>
        ) : null}
      </span>
    </td>
  );

  return (
    <>
      <PageHeader title={m.title} />
      <div className="space-y-6">
        <Card title={m.links.title}>
          <p className="mb-3 text-sm text-slate-600">{m.links.intro}</p>
          {links.length === 0 ? (
            <p className="text-sm text-slate-600">{m.links.empty}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {links.map((r) => {
                const name = `${r.account.firstName} ${r.account.lastName}`;
                return (
                  <li key={r.id} className="space-y-2 py-3" aria-label={`${m.links.account}: ${name}`}>
                    <p className="text-sm">
                      <span className="font-medium">
                        {r.account.lastName}, {r.account.firstName}
                      </span>{" "}
                      · {r.account.dateOfBirth}
                      {r.account.phone ? <> · {r.account.phone}</> : null} · {r.account.email}
                      <span className="block text-xs text-slate-600">
                        {m.links.registered} {r.createdAt.slice(0, 10)}
                      </span>
                    </p>
                    <p className="text-xs font-medium text-slate-600">{m.links.candidates}</p>
                    {r.candidates.length === 0 ? (
                      <p className="text-sm text-slate-600">{m.links.noCandidates}</p>
                    ) : null}
                    <ul className="space-y-2">
                      {r.candidates.map((c) => (
                        <li key={c.patientId} className="flex flex-wrap items-center gap-3 text-sm">
                          <span>
                            {who({ id: c.patientId, mrn: c.mrn, firstName: c.firstName, lastName: c.lastName })} ·{" "}
                            <span className="font-mono">{c.mrn}</span> · {c.dateOfBirth}
                          </span>
                          <Badge tone={c.score >= CERTAIN ? "danger" : "warning"}>
                            {c.score >= CERTAIN ? m.certain : m.possible} · {c.score}
                          </Badge>
                          <span className="text-xs text-slate-600">{c.reasons.map((x) => m.reason[x]).join(", ")}</span>
                          <ConfirmedButton
                            act={resolveLinkAction}
                            input={{ requestId: r.id, action: "link" as const, patientId: c.patientId }}
                            label={m.links.link(c.mrn)}
                            variant="primary"
                            confirm={{
                              title: m.links.link(c.mrn),
                              consequence: m.links.linkConfirm(name, c.mrn),
                              confirm: m.links.link(c.mrn),
                              cancel: back,
                              variant: "primary",
                            }}
                          />
                        </li>
                      ))}
                    </ul>
                    <ConfirmedButton
                      act={resolveLinkAction}
                      input={{ requestId: r.id, action: "new" as const }}
                      label={m.links.createNew}
                      ariaLabel={`${m.links.createNew}: ${name}`}
                      confirm={{
                        title: m.links.createNew,
                        consequence: m.links.createNewConfirm(name),
                        confirm: m.links.createNew,
                        cancel: back,
                        variant: "primary",
                      }}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </Card>

        <section aria-labelledby="pairs-title">
          <h2 id="pairs-title" className="mb-2 text-lg font-semibold text-slate-900">
            {m.title}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{m.intro}</p>
          {pairs.items.length === 0 ? (
            <Alert>{m.empty}</Alert>
          ) : (
            <Table head={[m.older, m.newer, m.score, m.reasons, m.found, ""]}>
              {pairs.items.map((p) => (
                <tr key={p.id}>
                  {sideCell(p.survivor)}
                  {sideCell(p.duplicate)}
                  <td className={cell}>
                    <Badge tone={p.score >= CERTAIN ? "danger" : "warning"}>
                      {p.score >= CERTAIN ? m.certain : m.possible} · {p.score}
                    </Badge>
                  </td>
                  <td className={`${cell} text-xs text-slate-600`}>{p.reasons.map((x) => m.reason[x]).join(", ")}</td>
                  <td className={`${cell} whitespace-nowrap`}>{p.createdAt.slice(0, 10)}</td>
                  <td className={cell}>
                    <span className="flex flex-wrap gap-2">
                      <Link
                        className={buttonClass("secondary")}
                        href={p.mergeUrl}
                        aria-label={m.mergeLabel(p.duplicate.mrn, p.survivor.mrn)}
                      >
                        {m.merge}
                      </Link>
                      <ConfirmedButton
                        act={dismissPairAction}
                        input={{ pairId: p.id }}
                        label={m.dismiss}
                        ariaLabel={`${m.dismiss}: ${p.survivor.mrn} ${p.duplicate.mrn}`}
                        confirm={{
                          title: m.dismiss,
                          consequence: m.dismissConfirm(p.survivor.mrn, p.duplicate.mrn),
                          confirm: m.dismiss,
                          cancel: back,
                          variant: "primary",
                        }}
                      />
                    </span>
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <Pagination page={query.page} pageSize={query.pageSize} total={pairs.total} params={{}} />
        </section>
      </div>
    </>
  );
}
