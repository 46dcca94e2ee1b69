import type { z } from "zod";
import { ZDepartmentUpdate } from "@/lib/departments/schemas";
import { updateDepartment } from "@/lib/departments/service";
import { updateLabTest } from "@/lib/clinical/lab-tests";
import { ZLabTestUpdate } from "@/lib/clinical/schemas";
import { ZUpdatePatient, BLOOD_GROUPS, SEXES } from "@/lib/patients/schemas";
import { updatePatient } from "@/lib/patients/service";
import { DRUG_CLASSES, DRUG_FORMS } from "@/lib/pharmacy/catalogue-data";
import { getStaff } from "@/lib/staff/queries";
import { STAFF_ROLES, ZStaffUpdate } from "@/lib/staff/schemas";
import { updateStaff } from "@/lib/staff/service";
import { ZDrugUpdate } from "@/lib/pharmacy/schemas";
import { updateDrug } from "@/lib/pharmacy/service";
import {
  AbnormalFlag,
  AllergySeverity,
  AppointmentStatus,
  EmailStatus,
  ExportStatus,
  InvoiceStatus,
  LabOrderStatus,
  PaymentMethod,
  PrescriptionStatus,
  Role,
  Sex,
  Shift,
} from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db";
import type { Permission } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import { BED_STATES, ROOM_TYPES, WARD_TYPES, ZBedPatch, ZRoomPatch, ZWardPatch } from "@/lib/wards/schemas";
import { updateBed, updateRoom, updateWard } from "@/lib/wards/service";

/**
 * The admin data browser's map of the database: which models it shows, which columns (never a
 * password hash, token hash or secret), how each is filtered, whose audit trail holds its history,
 * who may read it, and — where the app has an edit — the same schema and service the app uses.
 */

export type FieldKind =
  | "text"
  | "longtext"
  | "bool"
  | "int"
  | "float"
  | "money"
  | "date"
  | "datetime"
  | "enum"
  | "json"
  | "list"
  | "ref";

/** A column of the record. `ref`: the id of another entity, shown as a link labelled through `relation`. */
export type FieldSpec = { name: string; kind: FieldKind; ref?: EntityKey; relation?: string };

/** A list filter: an enum or boolean column chosen from a select, or a reference id (from a related record's link). */
export type FilterSpec =
  | { name: string; kind: "enum"; options: readonly string[] }
  | { name: string; kind: "bool" }
  | { name: string; kind: "ref" };

/** An editable field of the browser's form; values are converted to the schema's types before the action. */
export type EditField = {
  name: string;
  kind: "text" | "longtext" | "bool" | "int" | "float" | "money" | "enum" | "ref";
  options?: readonly string[];
  ref?: EntityKey;
  nullable?: boolean;
};

export type EditSpec = {
  permission: Permission;
  schema: z.ZodType;
  fields: EditField[];
  run: (prisma: Db, ctx: Ctx, id: string, input: never) => Promise<unknown>;
  /** The form's starting values when they are not the record's own columns (a staff profile, a date); null: this record is not edited here (then `readOnly` says why). */
  load?: FormValues;
};
type FormValues = (prisma: Db, id: string, values: Record<string, unknown>) => Promise<Record<string, unknown> | null>;

/** Why a record cannot be edited here, and the page of the app where its proper action lives. */
export type ReadOnlySpec = { reason: ReadOnlyReason; link?: (r: Record<string, unknown>) => string };
export type ReadOnlyReason =
  | "signed"
  | "ledger"
  | "issued"
  | "system"
  | "ownPage"
  | "secret"
  | "patientList"
  | "patientAccount";

export type Entry = {
  key: EntityKey;
  model: string;
  permission: Permission;
  /** The `entity` its services write to the audit trail; `idField`: which column is the audit `entityId` (default the id). null: never audited. */
  audit: { entity: string; idField?: string } | null;
  /** Chart data: reading one record, or a page of them, is itself audited as a VIEW of each patient shown. */
  chart?: boolean;
  /** Columns that make a record's human label (selected for links to it). */
  label: string[];
  /** Columns searched by the list's free text (indexed ones), `mode`: prefix or substring. */
  search: { fields: string[]; mode: "contains" | "startsWith" };
  filters: FilterSpec[];
  columns: string[];
  sorts: readonly [string, ...string[]];
  defaultSort: string;
  fields: FieldSpec[];
  /** Related records listed from this one: the child entity filtered by its reference to this id. */
  children?: { entity: EntityKey; via: string }[];
  edit?: EditSpec;
  readOnly?: ReadOnlySpec;
};

export const ENTITY_KEYS = [
  "users",
  "departments",
  "patients",
  "allergies",
  "conditions",
  "appointments",
  "consultations",
  "diagnoses",
  "vitals",
  "nurse-notes",
  "lab-tests",
  "lab-orders",
  "lab-results",
  "drugs",
  "stock-batches",
  "prescriptions",
  "dispenses",
  "wards",
  "rooms",
  "beds",
  "admissions",
  "triage",
  "invoices",
  "payments",
  "api-tokens",
  "outbox",
  "exports",
  "notifications",
] as const;
export type EntityKey = (typeof ENTITY_KEYS)[number];

const f = (name: string, kind: FieldKind = "text"): FieldSpec => ({ name, kind });
const ref = (name: string, to: EntityKey, relation: string): FieldSpec => ({ name, kind: "ref", ref: to, relation });
const dates = [f("createdAt", "datetime"), f("updatedAt", "datetime")];
const byEnum = (name: string, options: readonly string[]): FilterSpec => ({ name, kind: "enum", options });
const byRef = (name: string): FilterSpec => ({ name, kind: "ref" });
const active: FilterSpec = { name: "active", kind: "bool" };

/** One service call per edit, the same as the admin pages' actions. */
function editOf<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  fields: EditField[],
  run: (prisma: Db, ctx: Ctx, id: string, input: z.infer<S>) => Promise<unknown>,
  load?: FormValues,
): EditSpec {
  return { permission, schema, fields, run: run as EditSpec["run"], load };
}

const text = (name: string, nullable = false): EditField => ({ name, kind: "text", nullable });

/** A staff account's form starts from its profile, as /admin/staff/[id] does; a patient's sign-in account is not a staff account. */
const staffFormValues: FormValues = async (prisma, id) => {
  const s = await getStaff(prisma, id);
  return (
    s && {
      name: s.name,
      role: s.role,
      departmentId: s.department?.id ?? "",
      specialty: s.specialty,
      qualification: s.qualification,
      yearsOfExperience: s.yearsOfExperience,
      consultationFee: s.consultationFee,
    }
  );
};

/** The patient form's date of birth is the day, as /patients/[id]/edit shows it. */
const patientFormValues: FormValues = async (_prisma, _id, values) => ({
  ...values,
  dateOfBirth: typeof values.dateOfBirth === "string" ? values.dateOfBirth.slice(0, 10) : "",
});

const ENTRIES: Entry[] = [
  {
    key: "users",
    model: "user",
    permission: "staff.manage",
    audit: { entity: "User" },
    label: ["name"],
    search: { fields: ["name", "email"], mode: "contains" },
    filters: [byEnum("role", Object.values(Role)), active],
    columns: ["name", "email", "role", "active", "createdAt"],
    sorts: ["name", "email", "createdAt"],
    defaultSort: "name",
    fields: [f("name"), f("email"), f("role", "enum"), f("language"), f("active", "bool"), ...dates],
    children: [
      { entity: "api-tokens", via: "ownerId" },
      { entity: "notifications", via: "userId" },
    ],
    edit: editOf(
      "staff.manage",
      ZStaffUpdate,
      [
        text("name"),
        { name: "role", kind: "enum", options: STAFF_ROLES },
        { name: "departmentId", kind: "ref", ref: "departments", nullable: true },
        text("specialty", true),
        text("qualification", true),
        { name: "yearsOfExperience", kind: "int", nullable: true },
        { name: "consultationFee", kind: "money", nullable: true },
      ],
      (p, ctx, id, input) => updateStaff(p, ctx, id, input),
      staffFormValues,
    ),
    readOnly: { reason: "patientAccount", link: () => "/patients" },
  },
  {
    key: "departments",
    model: "department",
    permission: "department.manage",
    audit: { entity: "Department" },
    label: ["name"],
    search: { fields: ["name"], mode: "contains" },
    filters: [active],
    columns: ["name", "description", "active", "createdAt"],
    sorts: ["name", "createdAt"],
    defaultSort: "name",
    fields: [f("name"), f("description", "longtext"), f("active", "bool"), ...dates],
    children: [
      { entity: "wards", via: "departmentId" },
      { entity: "admissions", via: "departmentId" },
    ],
    edit: editOf(
      "department.manage",
      ZDepartmentUpdate,
      [
        { name: "name", kind: "text" },
        { name: "description", kind: "longtext", nullable: true },
        { name: "active", kind: "bool" },
      ],
      (p, ctx, id, input) => updateDepartment(p, ctx, id, input),
    ),
  },
  {
    key: "patients",
    model: "patient",
    permission: "patient.chart.read",
    audit: { entity: "Patient" },
    chart: true,
    label: ["firstName", "lastName", "mrn"],
    search: { fields: ["lastName", "firstName", "mrn", "phone"], mode: "contains" },
    filters: [byEnum("sex", Object.values(Sex)), active],
    columns: ["mrn", "lastName", "firstName", "dateOfBirth", "sex", "active"],
    sorts: ["lastName", "mrn", "dateOfBirth", "createdAt"],
    defaultSort: "lastName",
    fields: [
      f("mrn"),
      f("firstName"),
      f("lastName"),
      f("dateOfBirth", "date"),
      f("sex", "enum"),
      f("nationalId"),
      f("phone"),
      f("email"),
      f("address", "longtext"),
      f("emergencyContactName"),
      f("emergencyContactPhone"),
      f("emergencyContactRelation"),
      f("bloodGroup", "enum"),
      f("medicalHistory", "longtext"),
      ref("userId", "users", "user"),
      f("active", "bool"),
      f("deactivatedAt", "datetime"),
      f("deactivationReason"),
      ...dates,
    ],
    children: [
      { entity: "allergies", via: "patientId" },
      { entity: "conditions", via: "patientId" },
      { entity: "appointments", via: "patientId" },
      { entity: "consultations", via: "patientId" },
      { entity: "vitals", via: "patientId" },
      { entity: "nurse-notes", via: "patientId" },
      { entity: "lab-orders", via: "patientId" },
      { entity: "prescriptions", via: "patientId" },
      { entity: "admissions", via: "patientId" },
      { entity: "invoices", via: "patientId" },
    ],
    edit: editOf(
      "patient.register",
      ZUpdatePatient,
      [
        text("firstName"),
        text("lastName"),
        text("dateOfBirth"),
        { name: "sex", kind: "enum", options: SEXES },
        text("nationalId", true),
        text("phone", true),
        text("email", true),
        { name: "address", kind: "longtext", nullable: true },
        text("emergencyContactName", true),
        text("emergencyContactPhone", true),
        text("emergencyContactRelation", true),
        { name: "bloodGroup", kind: "enum", options: Object.values(BLOOD_GROUPS), nullable: true },
        { name: "medicalHistory", kind: "longtext", nullable: true },
      ],
      (p, ctx, id, input) => updatePatient(p, ctx, id, input),
      patientFormValues,
    ),
  },
  {
    key: "allergies",
    model: "allergy",
    permission: "patient.chart.read",
    audit: { entity: "Patient", idField: "patientId" },
    chart: true,
    label: ["substance"],
    search: { fields: ["substance"], mode: "contains" },
    filters: [byEnum("severity", Object.values(AllergySeverity)), byRef("patientId")],
    columns: ["substance", "severity", "reaction", "patientId"],
    sorts: ["createdAt", "substance"],
    defaultSort: "-createdAt",
    fields: [
      ref("patientId", "patients", "patient"),
      f("substance"),
      f("drugClass"),
      f("reaction"),
      f("severity", "enum"),
      f("createdAt", "datetime"),
    ],
    readOnly: { reason: "patientList", link: (r) => `/patients/${r.patientId}/edit` },
  },
  {
    key: "conditions",
    model: "condition",
    permission: "patient.chart.read",
    audit: { entity: "Patient", idField: "patientId" },
    chart: true,
    label: ["text"],
    search: { fields: ["text"], mode: "contains" },
    filters: [byRef("patientId")],
    columns: ["text", "code", "patientId", "createdAt"],
    sorts: ["createdAt", "text"],
    defaultSort: "-createdAt",
    fields: [ref("patientId", "patients", "patient"), f("text"), f("code"), f("createdAt", "datetime")],
    readOnly: { reason: "patientList", link: (r) => `/patients/${r.patientId}/edit` },
  },
  {
    key: "appointments",
    model: "appointment",
    permission: "appointment.read",
    audit: { entity: "Appointment" },
    chart: true,
    label: ["startsAt"],
    search: { fields: [], mode: "contains" },
    filters: [byEnum("status", Object.values(AppointmentStatus)), byRef("patientId"), byRef("doctorId")],
    columns: ["startsAt", "status", "patientId", "doctorId"],
    sorts: ["startsAt", "createdAt"],
    defaultSort: "-startsAt",
    fields: [
      ref("patientId", "patients", "patient"),
      ref("doctorId", "users", "doctor"),
      f("startsAt", "datetime"),
      f("endsAt", "datetime"),
      f("status", "enum"),
      f("reason", "longtext"),
      f("cancelReason"),
      f("reminderSentAt", "datetime"),
      ...dates,
    ],
    readOnly: { reason: "ownPage", link: (r) => `/appointments/${r.id}` },
  },
  {
    key: "consultations",
    model: "consultation",
    permission: "clinical.read",
    audit: { entity: "Consultation" },
    chart: true,
    label: ["createdAt"],
    search: { fields: [], mode: "contains" },
    filters: [byRef("patientId"), byRef("doctorId")],
    columns: ["createdAt", "patientId", "doctorId", "signedAt", "version"],
    sorts: ["createdAt", "signedAt"],
    defaultSort: "-createdAt",
    fields: [
      ref("patientId", "patients", "patient"),
      ref("doctorId", "users", "doctor"),
      ref("appointmentId", "appointments", "appointment"),
      f("hpi", "longtext"),
      f("exam", "longtext"),
      f("assessment", "longtext"),
      f("plan", "longtext"),
      f("treatment", "longtext"),
      f("nextVisitOn", "date"),
      f("version", "int"),
      f("signedAt", "datetime"),
      f("lockedAt", "datetime"),
      ...dates,
    ],
    children: [
      { entity: "diagnoses", via: "consultationId" },
      { entity: "lab-orders", via: "consultationId" },
      { entity: "prescriptions", via: "consultationId" },
    ],
    readOnly: { reason: "signed", link: (r) => `/consultations/${r.id}` },
  },
  {
    key: "diagnoses",
    model: "diagnosis",
    permission: "clinical.read",
    audit: { entity: "Consultation", idField: "consultationId" },
    chart: true,
    label: ["description"],
    search: { fields: ["code"], mode: "startsWith" },
    filters: [byRef("consultationId")],
    columns: ["code", "description", "consultationId"],
    sorts: ["code", "position"],
    defaultSort: "code",
    fields: [ref("consultationId", "consultations", "consultation"), f("code"), f("description"), f("position", "int")],
    readOnly: { reason: "signed", link: (r) => `/consultations/${r.consultationId}` },
  },
  {
    key: "vitals",
    model: "vitalSign",
    permission: "clinical.read",
    audit: { entity: "VitalSign" },
    chart: true,
    label: ["takenAt"],
    search: { fields: [], mode: "contains" },
    filters: [byRef("patientId")],
    columns: ["takenAt", "patientId", "temperatureC", "pulse", "systolic", "diastolic", "spo2"],
    sorts: ["takenAt"],
    defaultSort: "-takenAt",
    fields: [
      ref("patientId", "patients", "patient"),
      ref("recordedById", "users", "recordedBy"),
      f("takenAt", "datetime"),
      f("temperatureC", "float"),
      f("pulse", "int"),
      f("respiratoryRate", "int"),
      f("systolic", "int"),
      f("diastolic", "int"),
      f("spo2", "int"),
      f("weightKg", "float"),
      f("heightCm", "float"),
      f("painScore", "int"),
      f("note", "longtext"),
      f("lockedAt", "datetime"),
      ...dates,
    ],
    readOnly: { reason: "signed", link: (r) => `/patients/${r.patientId}` },
  },
  {
    key: "nurse-notes",
    model: "nurseNote",
    permission: "clinical.read",
    audit: { entity: "NurseNote" },
    chart: true,
    label: ["createdAt"],
    search: { fields: [], mode: "contains" },
    filters: [byEnum("shift", Object.values(Shift)), byRef("patientId")],
    columns: ["createdAt", "patientId", "shift", "category"],
    sorts: ["createdAt"],
    defaultSort: "-createdAt",
    fields: [
      ref("patientId", "patients", "patient"),
      ref("authorId", "users", "author"),
      f("shift", "enum"),
      f("category", "enum"),
      f("text", "longtext"),
      f("lockedAt", "datetime"),
      ...dates,
    ],
    readOnly: { reason: "signed", link: (r) => `/patients/${r.patientId}` },
  },
  {
    key: "lab-tests",
    model: "labTest",
    permission: "clinical.read",
    audit: { entity: "LabTest" },
    label: ["name"],
    search: { fields: ["name", "code"], mode: "contains" },
    filters: [active],
    columns: ["code", "name", "specimen", "unit", "price", "active"],
    sorts: ["code", "name"],
    defaultSort: "code",
    fields: [
      f("code"),
      f("loinc"),
      f("name"),
      f("specimen"),
      f("unit"),
      f("refLow", "float"),
      f("refHigh", "float"),
      f("price", "money"),
      f("active", "bool"),
    ],
    children: [{ entity: "lab-orders", via: "testId" }],
    edit: editOf(
      "lab.catalogue",
      ZLabTestUpdate,
      [
        text("name"),
        text("specimen", true),
        text("unit", true),
        { name: "refLow", kind: "float", nullable: true },
        { name: "refHigh", kind: "float", nullable: true },
        { name: "price", kind: "money", nullable: true },
        { name: "active", kind: "bool" },
      ],
      (p, ctx, id, input) => updateLabTest(p, ctx, id, input),
    ),
  },
  {
    key: "lab-orders",
    model: "labOrder",
    permission: "clinical.read",
    audit: { entity: "LabOrder" },
    chart: true,
    label: ["orderedAt"],
    search: { fields: [], mode: "contains" },
    filters: [
      byEnum("status", Object.values(LabOrderStatus)),
      byRef("patientId"),
      byRef("testId"),
      byRef("consultationId"),
    ],
    columns: ["orderedAt", "patientId", "testId", "status"],
    sorts: ["orderedAt"],
    defaultSort: "-orderedAt",
    fields: [
      ref("patientId", "patients", "patient"),
      ref("orderedById", "users", "orderedBy"),
      ref("consultationId", "consultations", "consultation"),
      ref("testId", "lab-tests", "test"),
      f("status", "enum"),
      f("notes", "longtext"),
      f("orderedAt", "datetime"),
    ],
    children: [{ entity: "lab-results", via: "orderId" }],
    readOnly: { reason: "signed", link: () => "/lab" },
  },
  {
    key: "lab-results",
    model: "labResult",
    permission: "clinical.read",
    audit: { entity: "LabResult" },
    chart: true,
    label: ["resultedAt"],
    search: { fields: [], mode: "contains" },
    filters: [byEnum("flag", Object.values(AbnormalFlag)), byRef("orderId")],
    columns: ["resultedAt", "orderId", "value", "valueText", "unit", "flag"],
    sorts: ["resultedAt"],
    defaultSort: "-resultedAt",
    fields: [
      ref("orderId", "lab-orders", "order"),
      f("value", "float"),
      f("valueText"),
      f("unit"),
      f("refLow", "float"),
      f("refHigh", "float"),
      f("flag", "enum"),
      ref("enteredById", "users", "enteredBy"),
      f("resultedAt", "datetime"),
    ],
    readOnly: { reason: "signed", link: () => "/lab" },
  },
  {
    key: "drugs",
    model: "drug",
    permission: "pharmacy.stock",
    audit: { entity: "Drug" },
    label: ["genericName", "strength"],
    search: { fields: ["genericName", "brandName"], mode: "contains" },
    filters: [byEnum("drugClass", DRUG_CLASSES), active],
    columns: ["genericName", "brandName", "form", "strength", "drugClass", "unitPrice", "active"],
    sorts: ["genericName", "drugClass", "createdAt"],
    defaultSort: "genericName",
    fields: [
      f("genericName"),
      f("brandName"),
      f("form", "enum"),
      f("strength"),
      f("drugClass", "enum"),
      f("unitPrice", "money"),
      f("reorderLevel", "int"),
      f("active", "bool"),
      ...dates,
    ],
    children: [{ entity: "stock-batches", via: "drugId" }],
    edit: editOf(
      "pharmacy.stock",
      ZDrugUpdate,
      [
        { name: "genericName", kind: "text" },
        { name: "brandName", kind: "text", nullable: true },
        { name: "form", kind: "enum", options: DRUG_FORMS },
        { name: "strength", kind: "text" },
        { name: "drugClass", kind: "enum", options: DRUG_CLASSES },
        { name: "unitPrice", kind: "money", nullable: true },
        { name: "reorderLevel", kind: "int" },
        { name: "active", kind: "bool" },
      ],
      (p, ctx, id, input) => updateDrug(p, ctx, id, input),
    ),
  },
  {
    key: "stock-batches",
    model: "stockBatch",
    permission: "pharmacy.stock",
    audit: { entity: "StockBatch" },
    label: ["lot"],
    search: { fields: ["lot"], mode: "contains" },
    filters: [byRef("drugId")],
    columns: ["lot", "drugId", "expiresOn", "quantity"],
    sorts: ["expiresOn", "receivedAt"],
    defaultSort: "expiresOn",
    fields: [
      ref("drugId", "drugs", "drug"),
      f("lot"),
      f("expiresOn", "date"),
      f("quantity", "int"),
      f("receivedAt", "datetime"),
    ],
    readOnly: { reason: "ledger", link: (r) => `/pharmacy/drugs/${r.drugId}` },
  },
  {
    key: "prescriptions",
    model: "prescription",
    permission: "prescription.read",
    audit: { entity: "Prescription" },
    chart: true,
    label: ["issuedAt"],
    search: { fields: [], mode: "contains" },
    filters: [
      byEnum("status", Object.values(PrescriptionStatus)),
      byRef("patientId"),
      byRef("prescriberId"),
      byRef("consultationId"),
    ],
    columns: ["issuedAt", "patientId", "prescriberId", "status", "expiresAt"],
    sorts: ["issuedAt", "expiresAt"],
    defaultSort: "-issuedAt",
    fields: [
      ref("patientId", "patients", "patient"),
      ref("prescriberId", "users", "prescriber"),
      ref("consultationId", "consultations", "consultation"),
      f("status", "enum"),
      f("overrideReason"),
      f("issuedAt", "datetime"),
      f("expiresAt", "datetime"),
      f("revokedAt", "datetime"),
      f("revokeReason"),
      ...dates,
    ],
    children: [{ entity: "dispenses", via: "prescriptionId" }],
    readOnly: { reason: "signed", link: (r) => `/prescriptions/${r.id}` },
  },
  {
    key: "dispenses",
    model: "dispense",
    permission: "prescription.read",
    audit: { entity: "Dispense" },
    label: ["dispensedAt"],
    search: { fields: [], mode: "contains" },
    filters: [byRef("prescriptionId"), byRef("pharmacistId")],
    columns: ["dispensedAt", "prescriptionId", "pharmacistId"],
    sorts: ["dispensedAt"],
    defaultSort: "-dispensedAt",
    fields: [
      ref("prescriptionId", "prescriptions", "prescription"),
      ref("pharmacistId", "users", "pharmacist"),
      f("dispensedAt", "datetime"),
    ],
    readOnly: { reason: "ledger", link: (r) => `/prescriptions/${r.prescriptionId}` },
  },
  {
    key: "wards",
    model: "ward",
    permission: "ward.read",
    audit: { entity: "Ward" },
    label: ["name"],
    search: { fields: ["name"], mode: "contains" },
    filters: [byEnum("type", WARD_TYPES), byRef("departmentId"), active],
    columns: ["name", "type", "departmentId", "bedDayRate", "active"],
    sorts: ["name", "createdAt"],
    defaultSort: "name",
    fields: [
      f("name"),
      f("type", "enum"),
      ref("departmentId", "departments", "department"),
      f("bedDayRate", "money"),
      f("active", "bool"),
      ...dates,
    ],
    children: [{ entity: "rooms", via: "wardId" }],
    edit: editOf(
      "ward.manage",
      ZWardPatch,
      [
        { name: "name", kind: "text" },
        { name: "type", kind: "enum", options: WARD_TYPES },
        { name: "departmentId", kind: "ref", ref: "departments", nullable: true },
        { name: "bedDayRate", kind: "money", nullable: true },
        { name: "active", kind: "bool" },
      ],
      (p, ctx, id, input) => updateWard(p, ctx, id, input),
    ),
  },
  {
    key: "rooms",
    model: "room",
    permission: "ward.read",
    audit: { entity: "Room" },
    label: ["name"],
    search: { fields: ["name"], mode: "contains" },
    filters: [byEnum("type", ROOM_TYPES), byRef("wardId"), active],
    columns: ["name", "wardId", "type", "capacity", "active"],
    sorts: ["name", "createdAt"],
    defaultSort: "name",
    fields: [
      ref("wardId", "wards", "ward"),
      f("name"),
      f("type", "enum"),
      f("capacity", "int"),
      f("active", "bool"),
      ...dates,
    ],
    children: [{ entity: "beds", via: "roomId" }],
    edit: editOf(
      "ward.manage",
      ZRoomPatch,
      [
        { name: "name", kind: "text" },
        { name: "type", kind: "enum", options: ROOM_TYPES },
        { name: "capacity", kind: "int" },
        { name: "active", kind: "bool" },
      ],
      (p, ctx, id, input) => updateRoom(p, ctx, id, input),
    ),
  },
  {
    key: "beds",
    model: "bed",
    permission: "ward.read",
    audit: { entity: "Bed" },
    label: ["label"],
    search: { fields: ["label"], mode: "contains" },
    filters: [byEnum("state", BED_STATES), byRef("roomId"), active],
    columns: ["label", "roomId", "state", "active"],
    sorts: ["label", "stateChangedAt"],
    defaultSort: "label",
    fields: [
      ref("roomId", "rooms", "room"),
      f("label"),
      f("state", "enum"),
      f("stateChangedAt", "datetime"),
      f("active", "bool"),
      f("createdAt", "datetime"),
    ],
    edit: editOf(
      "ward.manage",
      ZBedPatch,
      [
        { name: "label", kind: "text" },
        { name: "active", kind: "bool" },
      ],
      (p, ctx, id, input) => updateBed(p, ctx, id, input),
    ),
  },
  {
    key: "admissions",
    model: "admission",
    permission: "admission.manage",
    audit: { entity: "Admission" },
    chart: true,
    label: ["admittedAt"],
    search: { fields: [], mode: "contains" },
    filters: [byRef("patientId"), byRef("attendingDoctorId"), byRef("departmentId")],
    columns: ["admittedAt", "patientId", "attendingDoctorId", "dischargedAt"],
    sorts: ["admittedAt"],
    defaultSort: "-admittedAt",
    fields: [
      ref("patientId", "patients", "patient"),
      ref("departmentId", "departments", "department"),
      ref("attendingDoctorId", "users", "attendingDoctor"),
      f("reason", "longtext"),
      f("plannedStayDays", "int"),
      ref("triageId", "triage", "triage"),
      f("admittedAt", "datetime"),
      f("dischargedAt", "datetime"),
      f("dischargeSummary", "longtext"),
      ...dates,
    ],
    readOnly: { reason: "ownPage", link: (r) => `/admissions/${r.id}` },
  },
  {
    key: "triage",
    model: "triage",
    permission: "triage.run",
    audit: { entity: "Triage" },
    label: ["createdAt"],
    search: { fields: [], mode: "contains" },
    filters: [byRef("patientId"), byRef("recommendedDepartmentId")],
    columns: ["createdAt", "patientId", "recommendedDepartmentId", "confidence", "source"],
    sorts: ["createdAt"],
    defaultSort: "-createdAt",
    fields: [
      ref("patientId", "patients", "patient"),
      f("problem", "longtext"),
      f("source"),
      ref("recommendedDepartmentId", "departments", "recommendedDepartment"),
      f("confidence", "float"),
      f("plannedStayDays", "int"),
      ref("confirmedDepartmentId", "departments", "confirmedDepartment"),
      f("createdAt", "datetime"),
    ],
    readOnly: { reason: "ledger" },
  },
  {
    key: "invoices",
    model: "invoice",
    permission: "billing.read",
    audit: { entity: "Invoice" },
    label: ["number"],
    search: { fields: ["number"], mode: "startsWith" },
    filters: [byEnum("status", Object.values(InvoiceStatus)), byRef("patientId")],
    columns: ["number", "patientId", "status", "issuedAt", "currency"],
    sorts: ["issuedAt", "number"],
    defaultSort: "-issuedAt",
    fields: [
      f("number"),
      ref("patientId", "patients", "patient"),
      ref("appointmentId", "appointments", "appointment"),
      ref("admissionId", "admissions", "admission"),
      f("currency"),
      f("status", "enum"),
      f("issuedAt", "datetime"),
      f("voidedAt", "datetime"),
      f("voidReason"),
    ],
    children: [{ entity: "payments", via: "invoiceId" }],
    readOnly: { reason: "issued", link: (r) => `/billing/${r.id}` },
  },
  {
    key: "payments",
    model: "payment",
    permission: "billing.read",
    audit: { entity: "Payment" },
    label: ["receiptNumber"],
    search: { fields: ["receiptNumber"], mode: "startsWith" },
    filters: [byEnum("method", Object.values(PaymentMethod)), byRef("invoiceId")],
    columns: ["receiptNumber", "invoiceId", "amount", "method", "receivedAt"],
    sorts: ["receivedAt", "receiptNumber"],
    defaultSort: "-receivedAt",
    fields: [
      f("receiptNumber"),
      ref("invoiceId", "invoices", "invoice"),
      f("amount", "money"),
      f("method", "enum"),
      f("reference"),
      ref("refundOfId", "payments", "refundOf"),
      f("reason"),
      ref("receivedById", "users", "receivedBy"),
      f("receivedAt", "datetime"),
    ],
    readOnly: { reason: "ledger", link: (r) => `/billing/${r.invoiceId}` },
  },
  {
    key: "api-tokens",
    model: "apiToken",
    permission: "token.manage",
    audit: { entity: "ApiToken" },
    label: ["name"],
    search: { fields: ["name"], mode: "contains" },
    filters: [byRef("ownerId")],
    columns: ["name", "ownerId", "scopes", "createdAt", "lastUsedAt", "revokedAt"],
    sorts: ["createdAt", "name", "lastUsedAt"],
    defaultSort: "-createdAt",
    fields: [
      f("name"),
      ref("ownerId", "users", "owner"),
      f("scopes", "list"),
      f("createdAt", "datetime"),
      f("expiresAt", "datetime"),
      f("lastUsedAt", "datetime"),
      f("revokedAt", "datetime"),
    ],
    readOnly: { reason: "secret", link: () => "/admin/tokens" },
  },
  {
    key: "outbox",
    model: "outboxEmail",
    permission: "outbox.read",
    audit: null,
    label: ["subject"],
    search: { fields: ["to"], mode: "startsWith" },
    filters: [byEnum("status", Object.values(EmailStatus))],
    columns: ["createdAt", "to", "subject", "status"],
    sorts: ["createdAt"],
    defaultSort: "-createdAt",
    fields: [
      f("to"),
      f("subject"),
      f("status", "enum"),
      f("error", "longtext"),
      f("createdAt", "datetime"),
      f("sentAt", "datetime"),
    ],
    readOnly: { reason: "system", link: (r) => `/admin/outbox/${r.id}` },
  },
  {
    key: "exports",
    model: "export",
    permission: "jobs.read",
    audit: { entity: "Export" },
    label: ["kind"],
    search: { fields: [], mode: "contains" },
    filters: [byEnum("status", Object.values(ExportStatus)), byRef("requesterId")],
    columns: ["createdAt", "kind", "requesterId", "status", "progress"],
    sorts: ["createdAt"],
    defaultSort: "-createdAt",
    fields: [
      f("kind"),
      ref("requesterId", "users", "requester"),
      ref("patientId", "patients", "patient"),
      f("status", "enum"),
      f("progress", "float"),
      f("filename"),
      f("contentType"),
      f("error", "longtext"),
      f("createdAt", "datetime"),
      f("startedAt", "datetime"),
      f("finishedAt", "datetime"),
    ],
    readOnly: { reason: "system" },
  },
  {
    key: "notifications",
    model: "notification",
    permission: "audit.read",
    audit: { entity: "Notification" },
    label: ["title"],
    search: { fields: ["title"], mode: "contains" },
    filters: [byRef("userId")],
    columns: ["createdAt", "userId", "title", "readAt"],
    sorts: ["createdAt"],
    defaultSort: "-createdAt",
    fields: [
      ref("userId", "users", "user"),
      f("title"),
      f("body", "longtext"),
      f("link"),
      f("readAt", "datetime"),
      f("createdAt", "datetime"),
    ],
    readOnly: { reason: "system" },
  },
];

export const REGISTRY: ReadonlyMap<EntityKey, Entry> = new Map(ENTRIES.map((e) => [e.key, e]));

export function entryOf(key: string): Entry | undefined {
  return REGISTRY.get(key as EntityKey);
}

/** Columns the browser never selects, per model: credentials, signed tokens, and email bodies (they carry set-password links). */
export const SECRET_COLUMNS: Record<string, readonly string[]> = {
  user: ["passwordHash", "sessionVersion"],
  patient: ["qrToken"],
  prescription: ["token"],
  apiToken: ["tokenHash"],
  outboxEmail: ["html", "text"],
  export: ["content"],
};

/** Models never browsed at all: one-time secrets, throttling state, sign-in sessions and the audit chain's head. */
export const NEVER_BROWSED = ["passwordToken", "loginFailure", "auditHead", "session"] as const;
