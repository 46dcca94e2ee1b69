import Link from "next/link";
import { DrugForm } from "@/components/pharmacy/DrugForm";
import { Card, PageHeader } from "@/components/ui/Card";
import { messages, titled } from "@/lib/server/locale";
import { guardPage } from "@/lib/server/guard";
import { createDrugAction } from "../../actions";

export const generateMetadata = titled((m) => m.titles.pharmacyDrugsNew);

export default async function NewDrugPage() {
  await guardPage("pharmacy.stock", "/pharmacy/drugs/new");
  const { drugs: m, classes } = (await messages()).pharmacy;
  return (
    <>
      <PageHeader title={m.addTitle}>
        <Link href="/pharmacy/drugs" className="text-sm text-brand-700 hover:underline">
          ← {m.back}
        </Link>
      </PageHeader>
      <Card className="max-w-2xl">
        <DrugForm
          mode="create"
          initial={{
            genericName: "",
            brandName: "",
            form: "",
            strength: "",
            drugClass: "",
            reorderLevel: "20",
            active: true,
          }}
          action={createDrugAction}
          labels={m}
          classes={classes}
        />
      </Card>
    </>
  );
}
