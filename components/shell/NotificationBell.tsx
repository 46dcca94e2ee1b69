import { messages } from "@/lib/server/locale";
import { unreadCount } from "@/lib/notifications/inbox";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/session";
import { BellMenu } from "./BellMenu";

/** The header's bell: one indexed count per page; the latest notifications load only when it is opened. */
export async function NotificationBell({ actor }: { actor: Actor }) {
  const count = await unreadCount(db(), actor.id);
  return <BellMenu count={count} labels={(await messages()).triage.bell} />;
}
