// Every operation of /api/v1: the union of the domains' contracts (lib/<domain>/contract.ts). The
// OpenAPI document (lib/server/openapi.ts) and the contract tests read this list.
import type { Operation } from "@/lib/server/contract";
import { ops as accounts } from "@/lib/accounts/contract";
import { ops as audit } from "@/lib/audit/contract";
import { ops as billing } from "@/lib/billing/contract";
import { ops as clinical } from "@/lib/clinical/contract";
import { ops as databrowser } from "@/lib/databrowser/contract";
import { ops as departments } from "@/lib/departments/contract";
import { ops as documents } from "@/lib/documents/contract";
import { ops as jobs } from "@/lib/jobs/contract";
import { ops as notifications } from "@/lib/notifications/contract";
import { ops as patients } from "@/lib/patients/contract";
import { ops as pharmacy } from "@/lib/pharmacy/contract";
import { ops as prescriptions } from "@/lib/prescriptions/contract";
import { ops as reports } from "@/lib/reports/contract";
import { ops as scheduling } from "@/lib/scheduling/contract";
import { ops as staff } from "@/lib/staff/contract";
import { ops as stats } from "@/lib/stats/contract";
import { ops as system } from "@/lib/system/contract";
import { ops as tokens } from "@/lib/tokens/contract";
import { ops as triage } from "@/lib/triage/contract";
import { ops as wards } from "@/lib/wards/contract";

export const DOMAIN_OPERATIONS = {
  accounts,
  audit,
  billing,
  clinical,
  databrowser,
  departments,
  documents,
  jobs,
  notifications,
  patients,
  pharmacy,
  prescriptions,
  reports,
  scheduling,
  staff,
  stats,
  system,
  tokens,
  triage,
  wards,
} as const;

export const OPERATIONS: Operation[] = Object.values(DOMAIN_OPERATIONS).flatMap(
  (ops) => Object.values(ops) as Operation[],
);
