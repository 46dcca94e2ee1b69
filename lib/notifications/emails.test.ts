import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n";
import { renderEmail, type EmailMessage, type EmailTemplate } from "./mail";

// Every template, rendered for a French recipient: subject, HTML and text are French, dates and
// amounts are written the French way; the same message for an English recipient stays English.
const config = { hospitalName: "Hôpital Test" };
const startsAt = new Date("2027-03-01T09:30:00Z");
const DATA: { [T in EmailTemplate]: EmailMessage<T>["data"] } = {
  invitation: { name: "Rose Lee", role: "DOCTOR", url: "http://x/set-password/abc", expiresInHours: 72 },
  passwordReset: { name: "Rose Lee", url: "http://x/set-password/t", expiresInMinutes: 60 },
  confirmEmail: { name: "Amina Diallo", url: "http://x/register/confirm/t", expiresInHours: 24 },
  registrationAttempt: { name: "Amina Diallo", signInUrl: "http://x/login", resetUrl: "http://x/forgot-password" },
  appointment: {
    kind: "cancelled",
    patientName: "Amina Diallo",
    doctorName: "Dr Kofi Mensah",
    startsAt,
    reason: "Grève",
    url: "http://x/appointments/a",
  },
  reminder: { patientName: "Amina Diallo", doctorName: "Dr Kofi Mensah", startsAt, url: "http://x/appointments/a" },
  doctorReport: {
    doctorName: "Dr Kofi Mensah",
    month: "2026-10",
    appointments: [
      { status: "BOOKED", count: 1 },
      { status: "NO_SHOW", count: 2 },
    ],
    patientsSeen: 1234,
    consultationsSigned: 3,
    admissionsAttended: 1,
    revenue: { minor: 123456, currency: "EUR" },
    url: "http://x/appointments",
  },
  inpatient: {
    kind: "assigned",
    doctorName: "Dr Kofi Mensah",
    patientName: "Amina Diallo",
    mrn: "H-1",
    place: "Pédiatrie · Chambre 1 · A",
    reason: "Bronchiolite",
    url: "http://x/admissions/1",
  },
};
const render = (template: EmailTemplate, locale: Locale) =>
  renderEmail({ to: "x@example.org", locale, template, data: DATA[template] } as EmailMessage, config);

const FRENCH: Record<EmailTemplate, { subject: string; body: string[] }> = {
  invitation: {
    subject: "Votre compte Hôpital Test",
    body: ["Bonjour Rose Lee,", "en tant que Médecin", "expire dans 72 heures", "Définir mon mot de passe"],
  },
  passwordReset: {
    subject: "Réinitialisez votre mot de passe Hôpital Test",
    body: ["Bonjour Rose Lee,", "expire dans 60 minutes", "Choisir un nouveau mot de passe"],
  },
  confirmEmail: {
    subject: "Confirmez votre adresse e-mail pour Hôpital Test",
    body: [
      "Bonjour Amina Diallo,",
      "expire dans 24 heures",
      "Confirmer mon adresse e-mail: http://x/register/confirm/t",
    ],
  },
  registrationAttempt: {
    subject: "Quelqu'un a tenté de s'inscrire avec votre adresse à Hôpital Test",
    body: ["Bonjour Amina Diallo,", "a déjà un compte", "http://x/forgot-password", "Se connecter: http://x/login"],
  },
  appointment: {
    subject: "Votre rendez-vous est annulé — Hôpital Test",
    body: ["Bonjour Amina Diallo,", "lun. 1 mars 2027", "Motif : Grève", "Voir mes rendez-vous"],
  },
  reminder: {
    subject: "Rappel : votre rendez-vous de demain — Hôpital Test",
    body: ["Nous vous rappelons votre rendez-vous avec Dr Kofi Mensah le lun. 1 mars 2027"],
  },
  doctorReport: {
    subject: "Votre activité en octobre 2026 — Hôpital Test",
    body: [
      "Bonjour Dr Kofi Mensah,",
      "Rendez-vous réservés: 1",
      "Rendez-vous non honorés: 2",
      "Rendez-vous au total: 3",
      "Patients vus: 1\u202f234",
      "Montant facturé: 1\u202f234,56\u00a0€",
    ],
  },
  inpatient: {
    subject: "Un patient a été hospitalisé sous votre responsabilité — Hôpital Test",
    body: [
      "Bonjour Dr Kofi Mensah,",
      "Amina Diallo (n° de dossier H-1) a été hospitalisé",
      "Motif d'hospitalisation : Bronchiolite",
      "Ouvrir l'hospitalisation",
    ],
  },
};
// Words of the English templates that must not appear in a French email.
const ENGLISH =
  /\b(Hello|Your|your|appointment|Reason|Please|password|Set my|Choose|Appointments|Revenue|admitted|Bed:|Open the)\b/;

describe("emails in the recipient's language", () => {
  for (const template of Object.keys(DATA) as EmailTemplate[]) {
    it(`${template}: French subject and body for a French recipient`, () => {
      const mail = render(template, "fr");
      expect(mail.subject).toBe(FRENCH[template].subject);
      for (const part of FRENCH[template].body) expect(mail.text).toContain(part);
      const words = (s: string) => s.replace(/https?:\/\/\S+/g, "");
      expect(words(mail.subject)).not.toMatch(ENGLISH);
      expect(words(mail.text)).not.toMatch(ENGLISH);
      expect(words(mail.html.replace(/<[^>]+>/g, " "))).not.toMatch(ENGLISH);
    });
    it(`${template}: English for an English recipient`, () => {
      const mail = render(template, "en");
      expect(mail.text).toMatch(/^Hello /);
      expect(mail.subject).not.toBe(FRENCH[template].subject);
    });
  }

  it("writes dates and amounts as each language does", () => {
    expect(render("appointment", "en").text).toContain("on Mon, 1 Mar 2027, 09:30 is cancelled");
    expect(render("doctorReport", "en").subject).toBe("Your activity in October 2026 — Hôpital Test");
    expect(render("doctorReport", "en").text).toContain("Revenue billed: €1,234.56");
  });
});
