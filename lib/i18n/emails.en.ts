// The English words of every email (lib/notifications/emails/*.ts). Each template reads the catalogue of the
// recipient's language; dates and amounts arrive raw and are formatted in that language.
export const emailsEn = {
  greeting: (name: string) => `Hello ${name},`,
  invitation: {
    subject: (hospital: string) => `Your ${hospital} account`,
    created: (hospital: string, role: string) => `An account was created for you at ${hospital} as ${role}.`,
    choose: (hours: number) => `Choose your password with the link below. It works once and expires in ${hours} hours.`,
    action: "Set my password",
    footer: "If you did not expect this email, you can ignore it; nobody can use the account without this link.",
  },
  passwordReset: {
    subject: (hospital: string) => `Reset your ${hospital} password`,
    asked:
      "Someone asked to reset the password of your account. If it was you, choose a new password with the link below.",
    expires: (minutes: number) => `The link works once and expires in ${minutes} minutes.`,
    action: "Choose a new password",
    footer: "If you did not ask for this, ignore this email: your password stays as it is.",
  },
  confirmEmail: {
    subject: (hospital: string) => `Confirm your email address for ${hospital}`,
    body: (hospital: string) =>
      `You created a patient account at ${hospital}. Confirm that this email address is yours with the link below; until then the account cannot book visits or show your record.`,
    expires: (hours: number) => `The link works once and expires in ${hours} hours.`,
    action: "Confirm my email address",
    footer: "If you did not create this account, ignore this email: without the confirmation it stays unusable.",
  },
  registrationAttempt: {
    subject: (hospital: string) => `Someone tried to register with your address at ${hospital}`,
    body: (hospital: string) =>
      `Someone tried to create a patient account at ${hospital} with this email address, which already has an account. If it was you, sign in with your existing account.`,
    forgot: (url: string) => `Forgot your password? Choose a new one here: ${url}`,
    action: "Sign in",
    footer: "If it was not you, you can ignore this email: nothing was changed and your account is as it was.",
  },
  appointment: {
    subjects: {
      booked: "Your appointment is booked",
      rescheduled: "Your appointment has moved",
      cancelled: "Your appointment is cancelled",
    },
    booked: (doctor: string, when: string) => `Your appointment with ${doctor} is booked for ${when}.`,
    rescheduled: (doctor: string, when: string) => `Your appointment with ${doctor} now takes place on ${when}.`,
    cancelled: (doctor: string, when: string) => `Your appointment with ${doctor} on ${when} is cancelled.`,
    reason: (reason: string) => `Reason: ${reason}`,
    action: "See my appointments",
    footer: "Please arrive ten minutes early and bring your medical record number.",
  },
  reminder: {
    subject: (hospital: string) => `Reminder: your appointment tomorrow — ${hospital}`,
    body: (doctor: string, when: string) => `This is a reminder of your appointment with ${doctor} on ${when}.`,
    cannotCome: "If you cannot come, please cancel or move it so that someone else can have the slot.",
  },
  doctorReport: {
    subject: (month: string, hospital: string) => `Your activity in ${month} — ${hospital}`,
    intro: (month: string) => `Here is your activity for ${month}.`,
    statuses: {
      BOOKED: "Appointments booked",
      CHECKED_IN: "Appointments checked in",
      COMPLETED: "Appointments completed",
      CANCELLED: "Appointments cancelled",
      NO_SHOW: "Appointments no show",
    },
    total: "Appointments in all",
    patientsSeen: "Patients seen",
    consultationsSigned: "Consultations signed",
    admissionsAttended: "Admissions attended",
    revenue: "Revenue billed",
  },
  inpatient: {
    subjects: {
      assigned: "A patient has been admitted under your care",
      discharged: "Your patient has been discharged",
    },
    who: (patient: string, mrn: string) => `${patient} (MRN ${mrn})`,
    assigned: (who: string) => `${who} has been admitted under your care.`,
    bed: (place: string) => `Bed: ${place}.`,
    discharged: (who: string, place: string) => `${who} has been discharged from ${place}.`,
    reason: (reason: string) => `Reason for admission: ${reason}`,
    action: "Open the admission",
    footer: "The clinical details are in the patient's chart; sign in to read them.",
  },
} as const;
