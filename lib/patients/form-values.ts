import type { PatientRecord } from "./queries";

/** A record's contact details as form values (empty strings for missing ones). */
export function contactValues(p: PatientRecord) {
  return {
    phone: p.phone ?? "",
    email: p.email ?? "",
    address: p.address ?? "",
    emergencyContactName: p.emergencyContact.name ?? "",
    emergencyContactPhone: p.emergencyContact.phone ?? "",
    emergencyContactRelation: p.emergencyContact.relation ?? "",
  };
}
