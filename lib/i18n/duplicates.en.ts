// The possible-duplicates worklist and verified self-registration (lib/patients/duplicates.ts,
// lib/patients/link-requests.ts).
export const duplicatesEn = {
  nav: "Possible duplicates",
  title: "Possible duplicates",
  intro:
    "Pairs of records the matcher scored as possibly the same person, newest first. Merge the newer into the older, or say they are different people: a dismissed pair is never listed again.",
  empty: "No possible duplicates to review.",
  score: "Score",
  certain: "Certain",
  possible: "Possible",
  reasons: "Why",
  found: "Found",
  older: "Older record",
  newer: "Newer record",
  dismiss: "Not a duplicate",
  dismissConfirm: (a: string, b: string) =>
    `Mark ${a} and ${b} as different people? The pair will not be listed again.`,
  dismissed: "Dismissed.",
  merge: "Merge…",
  mergeLabel: (dup: string, survivor: string) => `Merge ${dup} into ${survivor}`,
  reason: {
    nationalId: "national id",
    nationalIdDiffers: "national ids differ",
    dob: "birth date",
    dobNear: "near birth date",
    dobDiffers: "birth dates differ",
    lastName: "last name",
    lastNameSimilar: "similar last name",
    lastNameDiffers: "last names differ",
    firstName: "first name",
    firstNameSimilar: "similar first name",
    firstNameDiffers: "first names differ",
    namesSwapped: "names swapped",
    sex: "sex",
    sexDiffers: "sex differs",
    phone: "phone",
    email: "email",
  },
  links: {
    title: "Accounts waiting for their record",
    intro:
      "People who registered online and may already have a record. Link the account to the right record, or create a new record if none is theirs.",
    empty: "No accounts waiting.",
    account: "Account",
    registered: "Registered",
    candidates: "Possible records",
    noCandidates: "None of the records found is still free to link.",
    link: (mrn: string) => `Link to ${mrn}`,
    linkConfirm: (name: string, mrn: string) =>
      `Link the account of ${name} to record ${mrn}? They will see that record's history.`,
    linked: "Linked.",
    createNew: "Create a new record",
    createNewConfirm: (name: string) =>
      `Create a new record for ${name}? The possible matches will be marked as other people.`,
    created: "New record created.",
    dashboardCard: (n: number) =>
      n === 1
        ? "1 online account is waiting to be linked to its record."
        : `${n} online accounts are waiting to be linked to their records.`,
    checkIn: "This person registered online and the account waits for a link to this record.",
    open: "Review on the duplicates worklist",
  },
  pending: {
    title: "We are matching your account to your hospital record",
    body: "You may already have a record at the hospital. A records officer will link your account to it shortly; until then your records are not shown here. You can still sign in; nothing more is needed from you.",
  },
  errors: {
    pendingLink: "We are matching your account to your hospital record; it is not available yet.",
    alreadyResolved: "This account has already been linked or given a record.",
    notACandidate: "Choose one of the records found for this account.",
    recordTaken: "That record is inactive or already linked to another account.",
  },
};
