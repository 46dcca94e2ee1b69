import { JobButton } from "@/components/jobs/JobButton";
import { TokenForm } from "@/components/tokens/TokenForm";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { listTokens } from "@/lib/tokens/service";
import { createTokenAction, revokeTokenAction } from "./actions";

export const generateMetadata = titled((m) => m.titles.adminTokens);
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  await guardPage("token.manage", "/admin/tokens");
  const locale = await requestLocale();
  const catalogue = (await messages()).tokens;
  const m = catalogue.tokens;
  const tokens = await listTokens(db());
  const now = clock.now();
  return (
    <>
      <PageHeader title={m.title} />
      <p className="mb-6 max-w-3xl text-sm text-slate-600">{m.intro}</p>
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          {tokens.length === 0 ? (
            <Alert>{m.none}</Alert>
          ) : (
            <Table head={[m.name, m.scopes, m.owner, m.created, m.lastUsed, m.expires, m.status, ""]}>
              {tokens.map((t) => {
                const expired = !!t.expiresAt && t.expiresAt <= now;
                return (
                  <tr key={t.id}>
                    <td className={`${cell} font-medium`}>{t.name}</td>
                    <td className={`${cell} font-mono text-xs`}>{t.scopes.join(", ")}</td>
                    <td className={cell}>{t.owner.name}</td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>
                      {formatInstant(t.createdAt.toISOString(), locale)}
                    </td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>
                      {t.lastUsedAt ? formatInstant(t.lastUsedAt.toISOString(), locale) : m.never}
                    </td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>
                      {t.expiresAt ? (
                        formatInstant(t.expiresAt.toISOString(), locale)
                      ) : (
                        <Badge tone="warning">{m.noExpiry}</Badge>
                      )}
                    </td>
                    <td className={cell}>
                      {t.revokedAt ? (
                        <Badge tone="danger">{m.revoked}</Badge>
                      ) : expired ? (
                        <Badge tone="warning">{m.expired}</Badge>
                      ) : (
                        <Badge tone="success">{m.active}</Badge>
                      )}
                    </td>
                    <td className={cell}>
                      {t.revokedAt ? null : (
                        <JobButton
                          act={revokeTokenAction}
                          input={{ id: t.id }}
                          label={m.revoke}
                          doneLabel={m.revokedDone}
                          confirm={{
                            title: m.confirmRevokeTitle,
                            consequence: m.confirmRevokeText,
                            confirm: m.confirmRevoke,
                            cancel: m.confirmBack,
                          }}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </Table>
          )}
        </div>
        <div className="max-w-xl">
          <Card title={m.newTitle}>
            <TokenForm
              action={createTokenAction}
              labels={{
                ...m,
                expiresHint: catalogue.phrases.expiresHint(env().API_TOKEN_DEFAULT_DAYS, env().API_TOKEN_MAX_DAYS),
              }}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
