import Link from "next/link";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { WardAdmin } from "@/components/wards/WardAdmin";
import { departmentOptions } from "@/lib/departments/queries";
import { messages, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { wardTree } from "@/lib/wards/queries";

export const generateMetadata = titled((m) => m.titles.adminWards);

export default async function WardsAdminPage() {
  await guardPage("ward.manage", "/admin/wards");
  const m = (await messages()).wards;
  const [wards, departments] = await Promise.all([wardTree(db()), departmentOptions(db())]);
  return (
    <>
      <PageHeader title={m.admin.title}>
        <Link href="/beds" className={buttonClass("secondary")}>
          {m.nav.beds}
        </Link>
      </PageHeader>
      <WardAdmin
        wards={wards}
        departments={departments}
        l={m.admin}
        names={{ wardTypes: m.wardTypes, roomTypes: m.roomTypes, states: m.states }}
      />
    </>
  );
}
