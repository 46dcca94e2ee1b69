import type { Messages } from "./en";
import { shellFr } from "./shell.fr";
import { pharmacyFr } from "./pharmacy.fr";
import { billingFr } from "./billing.fr";
import { clinicalFr } from "./clinical.fr";
import { jobsFr } from "./jobs.fr";
import { prescriptionsFr } from "./prescriptions.fr";
import { schedulingFr } from "./scheduling.fr";
import { staffFr } from "./staff.fr";
import { triageFr } from "./triage.fr";
import { wardsFr } from "./wards.fr";
import { reportsFr } from "./reports.fr";
import { reportbuilderFr } from "./reportbuilder.fr";
import { tokensFr } from "./tokens.fr";
import { systemFr } from "./system.fr";
import { emailsFr } from "./emails.fr";
import { databrowserFr } from "./databrowser.fr";
import { fhirFr } from "./fhir.fr";
import { accountsFr } from "./accounts.fr";
import { chartFr } from "./chart.fr";
import { worklistFr } from "./worklist.fr";
import { mergeFr } from "./merge.fr";
import { duplicatesFr } from "./duplicates.fr";
import { documentsFr } from "./documents.fr";
import { setupFr } from "./setup.fr";

// The French catalogue: the same shape as English (lib/i18n/en.ts), checked by the type.
export const fr: Messages = {
  ...shellFr,
  pharmacy: pharmacyFr,
  billing: billingFr,
  clinical: clinicalFr,
  jobs: jobsFr,
  prescriptions: prescriptionsFr,
  scheduling: schedulingFr,
  staff: staffFr,
  triage: triageFr,
  wards: wardsFr,
  reports: reportsFr,
  reportbuilder: reportbuilderFr,
  tokens: tokensFr,
  system: systemFr,
  emails: emailsFr,
  databrowser: databrowserFr,
  fhir: fhirFr,
  accounts: accountsFr,
  chart: chartFr,
  worklist: worklistFr,
  merge: mergeFr,
  duplicates: duplicatesFr,
  documents: documentsFr,
  setup: setupFr,
};
