import { AppShell } from "@/components/shell/AppShell";
import { guardPage } from "@/lib/server/guard";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { actor } = await guardPage("dashboard.view");
  return <AppShell actor={actor}>{children}</AppShell>;
}
