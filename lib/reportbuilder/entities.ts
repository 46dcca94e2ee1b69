import { Prisma } from "@/lib/generated/prisma/client";
import { AGE_BANDS } from "@/lib/reports/public-health";

// The report builder's allow-list: the only entities, fields, operators, groupings and aggregates a
// report may use. Every SQL identifier and expression below is a constant of this file; the client's
// spec only names keys of these tables (lib/reportbuilder/spec.ts checks them), never SQL.
// No names, MRNs, contact details or free-text notes: groups and structured facts only.

export const FIELD_TYPES = ["text", "number", "date", "enum", "money"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OPERATORS = ["equals", "in", "contains", "before", "after", "between", "gte", "lte"] as const;
export type Operator = (typeof OPERATORS)[number];

/** The operators each type allows (dates are local days in HOSPITAL_TIMEZONE, both ends included). */
export const OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  text: ["equals", "in", "contains"],
  enum: ["equals", "in"],
  number: ["equals", "in", "gte", "lte", "between"],
  money: ["equals", "gte", "lte", "between"],
  date: ["equals", "before", "after", "between"],
};

export const GRANULARITIES = ["day", "week", "month", "year"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const AGGREGATES = ["count", "sum", "avg"] as const;
export type AggregateFn = (typeof AGGREGATES)[number];

export type Field = {
  type: FieldType;
  /** The expression, over the entity's FROM clause (constants only). */
  sql: Prisma.Sql;
  /** Enum values (for validation and the UI's choices). */
  values?: readonly string[];
  /** A date column stored as a calendar date rather than an instant. */
  calendar?: boolean;
  /** Offered as a group-by dimension (dates always are, truncated by a granularity). */
  group?: boolean;
};

export type Entity = {
  from: Prisma.Sql;
  fields: Record<string, Field>;
  /** Columns shown when the spec names none. */
  defaultColumns: readonly string[];
  /** Deterministic order of a plain listing: newest first, then by id. */
  order: Prisma.Sql;
};

const SEXES = ["female", "male", "other", "unknown"] as const;

/** Age band in whole years on the day `at` (the same bands as the public-health aggregates). */
const ageBand = (at: Prisma.Sql) => Prisma.sql`CASE
    WHEN date_part('year', age(${at}::date, p."dateOfBirth")) < 5 THEN '0-4'
    WHEN date_part('year', age(${at}::date, p."dateOfBirth")) < 15 THEN '5-14'
    WHEN date_part('year', age(${at}::date, p."dateOfBirth")) < 25 THEN '15-24'
    WHEN date_part('year', age(${at}::date, p."dateOfBirth")) < 45 THEN '25-44'
    WHEN date_part('year', age(${at}::date, p."dateOfBirth")) < 65 THEN '45-64'
    ELSE '65+' END`;

const patientFields = (at: Prisma.Sql): Record<string, Field> => ({
  sex: { type: "enum", sql: Prisma.sql`p.sex::text`, values: SEXES, group: true },
  ageBand: { type: "enum", sql: ageBand(at), values: AGE_BANDS, group: true },
});

const text = (sql: Prisma.Sql): Field => ({ type: "text", sql, group: true });
const date = (sql: Prisma.Sql): Field => ({ type: "date", sql });
const num = (sql: Prisma.Sql): Field => ({ type: "number", sql });
const money = (sql: Prisma.Sql): Field => ({ type: "money", sql });
const oneOf = (sql: Prisma.Sql, values: readonly string[]): Field => ({
  type: "enum",
  sql: Prisma.sql`${sql}::text`,
  values,
  group: true,
});
const department = text(Prisma.sql`coalesce(dep.name, '—')`);

/** A clinical record: its patient (p), its doctor (d) and the doctor's department (dep); age at `at`. */
const clinical = (base: Prisma.Sql, patient: Prisma.Sql, doctor: Prisma.Sql, at: Prisma.Sql) => ({
  from: Prisma.sql`${base} JOIN "Patient" p ON p.id = ${patient} JOIN "User" d ON d.id = ${doctor}
    LEFT JOIN "StaffProfile" sp ON sp."userId" = d.id LEFT JOIN "Department" dep ON dep.id = sp."departmentId"`,
  common: { doctor: text(Prisma.sql`d.name`), department, ...patientFields(at) },
});
const appointment = clinical(
  Prisma.sql`"Appointment" t`,
  Prisma.sql`t."patientId"`,
  Prisma.sql`t."doctorId"`,
  Prisma.sql`t."startsAt"`,
);
const consultation = clinical(
  Prisma.sql`"Consultation" t`,
  Prisma.sql`t."patientId"`,
  Prisma.sql`t."doctorId"`,
  Prisma.sql`t."createdAt"`,
);
const diagnosis = clinical(
  Prisma.sql`"Diagnosis" x JOIN "Consultation" t ON t.id = x."consultationId"`,
  Prisma.sql`t."patientId"`,
  Prisma.sql`t."doctorId"`,
  Prisma.sql`t."createdAt"`,
);
const prescription = clinical(
  Prisma.sql`"Prescription" t`,
  Prisma.sql`t."patientId"`,
  Prisma.sql`t."prescriberId"`,
  Prisma.sql`t."issuedAt"`,
);
const labResult = clinical(
  Prisma.sql`"LabResult" t JOIN "LabOrder" o ON o.id = t."orderId" JOIN "LabTest" lt ON lt.id = o."testId"`,
  Prisma.sql`o."patientId"`,
  Prisma.sql`o."orderedById"`,
  Prisma.sql`t."resultedAt"`,
);

export const ENTITIES = {
  patients: {
    from: Prisma.sql`"Patient" p`,
    fields: {
      registeredAt: date(Prisma.sql`p."createdAt"`),
      dateOfBirth: { type: "date", sql: Prisma.sql`p."dateOfBirth"`, calendar: true },
      ...patientFields(Prisma.sql`now()`),
      bloodGroup: oneOf(Prisma.sql`coalesce(p."bloodGroup"::text, '—')`, [
        "A_POS",
        "A_NEG",
        "B_POS",
        "B_NEG",
        "AB_POS",
        "AB_NEG",
        "O_POS",
        "O_NEG",
        "—",
      ]),
      status: oneOf(Prisma.sql`CASE WHEN p.active THEN 'active' ELSE 'inactive' END`, ["active", "inactive"]),
    },
    defaultColumns: ["registeredAt", "sex", "ageBand", "status"],
    order: Prisma.sql`p."createdAt" DESC, p.id`,
  },
  appointments: {
    from: appointment.from,
    fields: {
      startsAt: date(Prisma.sql`t."startsAt"`),
      status: oneOf(Prisma.sql`t.status`, ["BOOKED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"]),
      ...appointment.common,
    },
    defaultColumns: ["startsAt", "status", "doctor", "department"],
    order: Prisma.sql`t."startsAt" DESC, t.id`,
  },
  consultations: {
    from: consultation.from,
    fields: {
      createdAt: date(Prisma.sql`t."createdAt"`),
      signed: oneOf(Prisma.sql`CASE WHEN t."signedAt" IS NULL THEN 'no' ELSE 'yes' END`, ["yes", "no"]),
      ...consultation.common,
    },
    defaultColumns: ["createdAt", "doctor", "department", "signed"],
    order: Prisma.sql`t."createdAt" DESC, t.id`,
  },
  diagnoses: {
    from: diagnosis.from,
    fields: {
      createdAt: date(Prisma.sql`t."createdAt"`),
      code: text(Prisma.sql`coalesce(x.code, '—')`),
      category: text(Prisma.sql`coalesce(split_part(x.code, '.', 1), '—')`),
      ...diagnosis.common,
    },
    defaultColumns: ["createdAt", "code", "department"],
    order: Prisma.sql`t."createdAt" DESC, x.id`,
  },
  admissions: {
    // The ward of the admission's first bed, as in the occupancy report.
    from: Prisma.sql`"Admission" t JOIN "Patient" p ON p.id = t."patientId" JOIN "User" d ON d.id = t."attendingDoctorId"
      LEFT JOIN "Department" dep ON dep.id = t."departmentId"
      LEFT JOIN LATERAL (SELECT w.name FROM "BedAssignment" ba JOIN "Bed" b ON b.id = ba."bedId" JOIN "Room" r ON r.id = b."roomId" JOIN "Ward" w ON w.id = r."wardId"
        WHERE ba."admissionId" = t.id ORDER BY ba."startsAt", ba.id LIMIT 1) fw ON true`,
    fields: {
      admittedAt: date(Prisma.sql`t."admittedAt"`),
      dischargedAt: date(Prisma.sql`t."dischargedAt"`),
      ward: text(Prisma.sql`coalesce(fw.name, '—')`),
      department,
      doctor: text(Prisma.sql`d.name`),
      status: oneOf(Prisma.sql`CASE WHEN t."dischargedAt" IS NULL THEN 'live' ELSE 'discharged' END`, [
        "live",
        "discharged",
      ]),
      plannedStayDays: num(Prisma.sql`t."plannedStayDays"`),
      stayDays: num(
        Prisma.sql`ceil(extract(epoch FROM coalesce(t."dischargedAt", now()) - t."admittedAt") / 86400)::int`,
      ),
      ...patientFields(Prisma.sql`t."admittedAt"`),
    },
    defaultColumns: ["admittedAt", "ward", "department", "doctor", "status"],
    order: Prisma.sql`t."admittedAt" DESC, t.id`,
  },
  prescriptions: {
    from: prescription.from,
    fields: {
      issuedAt: date(Prisma.sql`t."issuedAt"`),
      status: oneOf(Prisma.sql`t.status`, ["ACTIVE", "PARTIALLY_DISPENSED", "DISPENSED", "REVOKED", "EXPIRED"]),
      items: num(Prisma.sql`(SELECT count(*)::int FROM "PrescriptionItem" i WHERE i."prescriptionId" = t.id)`),
      ...prescription.common,
    },
    defaultColumns: ["issuedAt", "status", "doctor", "items"],
    order: Prisma.sql`t."issuedAt" DESC, t.id`,
  },
  invoices: {
    from: Prisma.sql`"Invoice" t`,
    fields: {
      issuedAt: date(Prisma.sql`t."issuedAt"`),
      status: oneOf(Prisma.sql`t.status`, ["OPEN", "VOID"]),
      kind: oneOf(
        Prisma.sql`CASE WHEN t."appointmentId" IS NOT NULL THEN 'visit' WHEN t."admissionId" IS NOT NULL THEN 'stay' ELSE 'other' END`,
        ["visit", "stay", "other"],
      ),
      total: money(
        Prisma.sql`(SELECT coalesce(sum(l.amount), 0)::int FROM "InvoiceLine" l WHERE l."invoiceId" = t.id)`,
      ),
      paid: money(Prisma.sql`(SELECT coalesce(sum(y.amount), 0)::int FROM "Payment" y WHERE y."invoiceId" = t.id)`),
    },
    defaultColumns: ["issuedAt", "status", "kind", "total", "paid"],
    order: Prisma.sql`t."issuedAt" DESC, t.id`,
  },
  payments: {
    from: Prisma.sql`"Payment" t`,
    fields: {
      receivedAt: date(Prisma.sql`t."receivedAt"`),
      method: oneOf(Prisma.sql`t.method`, ["CASH", "CARD", "INSURANCE", "MOBILE_MONEY"]),
      kind: oneOf(Prisma.sql`CASE WHEN t.amount < 0 THEN 'refund' ELSE 'payment' END`, ["payment", "refund"]),
      amount: money(Prisma.sql`t.amount`),
    },
    defaultColumns: ["receivedAt", "method", "kind", "amount"],
    order: Prisma.sql`t."receivedAt" DESC, t.id`,
  },
  labResults: {
    from: labResult.from,
    fields: {
      resultedAt: date(Prisma.sql`t."resultedAt"`),
      test: text(Prisma.sql`lt.name`),
      flag: oneOf(Prisma.sql`t.flag`, ["NORMAL", "LOW", "HIGH", "ABNORMAL"]),
      value: num(Prisma.sql`t.value`),
      ...labResult.common,
    },
    defaultColumns: ["resultedAt", "test", "value", "flag"],
    order: Prisma.sql`t."resultedAt" DESC, t.id`,
  },
  dispenses: {
    // One row per dispensed line (drug, batch, quantity).
    from: Prisma.sql`"DispenseLine" t JOIN "Dispense" ds ON ds.id = t."dispenseId" JOIN "PrescriptionItem" i ON i.id = t."itemId" JOIN "Drug" dr ON dr.id = i."drugId" JOIN "User" d ON d.id = ds."pharmacistId"`,
    fields: {
      dispensedAt: date(Prisma.sql`ds."dispensedAt"`),
      drug: text(Prisma.sql`dr."genericName" || ' ' || dr.strength`),
      drugClass: text(Prisma.sql`dr."drugClass"`),
      pharmacist: text(Prisma.sql`d.name`),
      quantity: num(Prisma.sql`t.quantity`),
    },
    defaultColumns: ["dispensedAt", "drug", "quantity", "pharmacist"],
    order: Prisma.sql`ds."dispensedAt" DESC, t.id`,
  },
} satisfies Record<string, Entity>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as [EntityName, ...EntityName[]];

export const entityOf = (name: EntityName): Entity => ENTITIES[name];
export const fieldOf = (name: EntityName, key: string): Field | undefined =>
  Object.hasOwn(ENTITIES[name].fields, key) ? (ENTITIES[name].fields as Record<string, Field>)[key] : undefined;
export const isGroupable = (f: Field) => f.type === "date" || f.group === true;
export const isNumeric = (f: Field) => f.type === "number" || f.type === "money";
