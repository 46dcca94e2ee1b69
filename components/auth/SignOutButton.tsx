"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/Button";

/** Signs out from the pages outside the app shell (a pending confirmation, a forced password change). */
export function SignOutButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => signOut({ callbackUrl: "/login" })}>
      {label}
    </Button>
  );
}
