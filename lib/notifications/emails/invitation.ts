import type { Role } from "@/lib/generated/prisma/enums";
import { catalog, DEFAULT_LOCALE } from "@/lib/i18n";
import { actionEmail, words, type EmailContext, type RenderedEmail } from "./layout";

export type InvitationData = { name: string; role: Role; url: string; expiresInHours: number };

export function invitationEmail(data: InvitationData, ctx: EmailContext): RenderedEmail {
  const t = words(ctx);
  const role = catalog(ctx.locale ?? DEFAULT_LOCALE).roles[data.role];
  return actionEmail(ctx, {
    subject: t.invitation.subject(ctx.hospitalName),
    greeting: t.greeting(data.name),
    paragraphs: [t.invitation.created(ctx.hospitalName, role), t.invitation.choose(data.expiresInHours)],
    action: { label: t.invitation.action, url: data.url },
    footer: t.invitation.footer,
  });
}
