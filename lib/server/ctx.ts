import type { RequiredAction, Role } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n";

// Who is acting: a leaf module, so that the session, its records and the services can all name it
// without importing one another (session.ts re-exports both types).

/** `scopes` is set only for an integration token: "full" acts as the owner, others narrow it. */
export type Actor = {
  id: string;
  role: Role;
  name: string;
  email: string;
  scopes?: string[];
  language?: Locale;
  requiredAction?: RequiredAction | null;
};

/** The request's actor and address: what services need to scope and audit. */
export type Ctx = { actor: Actor; ip: string | null };
