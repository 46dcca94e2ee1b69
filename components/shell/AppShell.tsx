import Link from "next/link";
import { messages } from "@/lib/i18n/server";
import { env } from "@/lib/server/env";
import type { Actor } from "@/lib/server/session";
import { NavLinks } from "./NavLinks";
import { navFor } from "./nav";
import { NotificationBell } from "./NotificationBell";
import { UserMenu } from "./UserMenu";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { setLanguageAction } from "@/app/language-actions";

/** The frame of every signed-in page: brand, role-dependent navigation, user menu. */
export async function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const m = (await messages());
  return (
    <div className="min-h-screen md:grid md:grid-cols-[14rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {m.common.skipToContent}
      </a>
      <aside className="border-b border-slate-200 bg-white md:min-h-screen md:border-b-0 md:border-r">
        <div className="flex items-center justify-between px-4 py-3 md:block md:py-5">
          <Link href="/dashboard" className="text-lg font-semibold text-brand-700">
            {env().HOSPITAL_NAME}
          </Link>
        </div>
        <nav aria-label={m.nav.menu} className="px-2 pb-3">
          <NavLinks items={navFor(actor.role, m).map(({ href, label }) => ({ href, label }))} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-end gap-2 border-b border-slate-200 bg-white px-4 py-2 sm:px-6">
          <LanguageSwitcher action={setLanguageAction} />
          <NotificationBell actor={actor} />
          <UserMenu name={actor.name} roleLabel={m.roles[actor.role]} labels={{ userMenu: m.nav.userMenu, account: m.nav.account, signOut: m.nav.signOut }} />
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
