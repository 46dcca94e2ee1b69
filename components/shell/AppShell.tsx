import Link from "next/link";
import { messages } from "@/lib/server/locale";
import { patientRecordHref } from "@/lib/patients/scope";
import { env } from "@/lib/server/env";
import { can } from "@/lib/server/permissions";
import type { Actor } from "@/lib/server/session";
import { Suspense } from "react";
import { NavLinks } from "./NavLinks";
import { NavigationProgress } from "./NavigationProgress";
import { navSectionsFor } from "./nav";
import { NotificationBell } from "./NotificationBell";
import { PatientSearch } from "./PatientSearch";
import { SidebarFrame } from "./SidebarFrame";
import { UserMenu } from "./UserMenu";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { setLanguageAction } from "@/lib/accounts/language-actions";

/** The frame of every signed-in page: brand, role-dependent navigation, patient search (staff), user menu. */
export async function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const m = await messages();
  const sidebar = (
    <>
      <div className="px-4 py-4 lg:py-5">
        <Link href="/dashboard" className="text-lg font-semibold text-brand-700">
          {env().HOSPITAL_NAME}
        </Link>
      </div>
      <nav aria-label={m.nav.menu} className="px-2 pb-4">
        <NavLinks sections={navSectionsFor(actor.role, m)} />
      </nav>
    </>
  );
  const s = m.nav.patientSearch;
  const header = (
    <>
      <div className="flex min-w-0 flex-1 items-center">
        {can(actor.role, "patient.list") ? (
          <PatientSearch
            recordHref={patientRecordHref(actor.role)}
            labels={{
              label: s.label,
              placeholder: s.placeholder,
              shortcut: s.shortcut,
              results: s.results,
              none: s.none,
              searching: s.searching,
              failed: s.failed,
              born: s.born,
            }}
          />
        ) : null}
      </div>
      <LanguageSwitcher action={setLanguageAction} />
      <NotificationBell actor={actor} />
      <UserMenu
        name={actor.name}
        roleLabel={m.roles[actor.role]}
        labels={{ userMenu: m.nav.userMenu, account: m.nav.account, signOut: m.nav.signOut }}
      />
    </>
  );
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {m.common.skipToContent}
      </a>
      <Suspense fallback={null}>
        <NavigationProgress label={m.common.loading} />
      </Suspense>
      <SidebarFrame sidebar={sidebar} header={header} toggleLabel={m.nav.toggleMenu}>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
      </SidebarFrame>
    </>
  );
}
