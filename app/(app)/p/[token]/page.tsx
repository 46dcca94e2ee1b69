import { notFound, redirect } from "next/navigation";
import { patientIdByQrToken } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";

/** Target of the wristband/folder QR code: signed-in clinical staff go to the chart; nobody else learns anything. */
export default async function QrPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await guardPage("patient.chart.read", `/p/${token}`);
  const id = await patientIdByQrToken(db(), token);
  if (!id) notFound();
  redirect(`/patients/${id}`);
}
