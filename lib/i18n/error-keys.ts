import { en } from "./en";
import { keyed } from "./message";

/**
 * Every catalogue entry an error or a validation message may name: the sections of the English
 * catalogue, at their own paths there (so a key's path is its path in lib/i18n/en.ts, and French
 * renders it from lib/i18n/fr.ts, a complete mirror by its type). lib/i18n/error-keys.test.ts
 * renders each one in every language.
 *
 * To add an error: write the sentence (or a function of its parameters) in an `errors` section of
 * the English catalogue and its French twin (the type of `fr` refuses a missing one), add its section
 * here if it is new, and throw `new AppError(code, E.section.errors.key(params…))`.
 */
export const errorCatalogue = {
  errors: en.errors,
  password: en.password,
  login: {
    badCredentials: en.login.badCredentials,
    enterEmail: en.login.enterEmail,
    enterPassword: en.login.enterPassword,
  },
  account: { languageChoice: en.account.languageChoice },
  audit: { toBeforeFrom: en.audit.toBeforeFrom },
  patients: { errors: en.patients.errors },
  merge: { errors: en.merge.errors, pickLabel: en.merge.pickLabel },
  duplicates: { errors: en.duplicates.errors },
  scheduling: { errors: en.scheduling.errors },
  prescriptions: {
    errors: en.prescriptions.errors,
    phrases: { quantityNeeded: en.prescriptions.phrases.quantityNeeded },
  },
  clinical: { errors: en.clinical.errors },
  wards: { errors: en.wards.errors },
  billing: { errors: en.billing.errors },
  pharmacy: {
    errors: en.pharmacy.errors,
    phrases: {
      outOfStock: en.pharmacy.phrases.outOfStock,
      tooMany: en.pharmacy.phrases.tooMany,
      belowZero: en.pharmacy.phrases.belowZero,
    },
  },
  staff: {
    phrases: { tooLong: en.staff.phrases.tooLong },
    staff: {
      enterName: en.staff.staff.enterName,
      enterEmail: en.staff.staff.enterEmail,
      chooseRole: en.staff.staff.chooseRole,
      enterSpecialty: en.staff.staff.enterSpecialty,
      wholeNumber: en.staff.staff.wholeNumber,
      notNegative: en.staff.staff.notNegative,
      money: en.staff.staff.money,
      enterReason: en.staff.staff.enterReason,
      duplicateEmail: en.staff.staff.duplicateEmail,
      inactiveDepartment: en.staff.staff.inactiveDepartment,
      ownRole: en.staff.staff.ownRole,
      ownDeactivate: en.staff.staff.ownDeactivate,
    },
    departments: { enterName: en.staff.departments.enterName, duplicateName: en.staff.departments.duplicateName },
    setPassword: { invalid: en.staff.setPassword.invalid },
  },
  accounts: {
    errors: en.accounts.errors,
    policy: { common: en.accounts.policy.common, weak: en.accounts.policy.weak, personal: en.accounts.policy.personal },
    phrases: { tryAgainIn: en.accounts.phrases.tryAgainIn },
    confirmLink: { invalid: en.accounts.confirmLink.invalid },
  },
  tokens: { errors: en.tokens.errors },
  triage: { errors: en.triage.errors },
  documents: { errors: en.documents.errors },
  jobs: { errors: en.jobs.errors },
  databrowser: { errors: en.databrowser.errors },
  reports: { errors: en.reports.errors },
  reportbuilder: { errors: en.reportbuilder.errors },
  fhir: en.fhir,
};

/** The error catalogue by key: `E.wards.errors.bedTaken`, `E.errors.notFound(E.errors.records.patient)`. */
export const E = keyed(errorCatalogue);
