// The first-run checklist and the demo notice on the admin's dashboard (lib/setup/checklist.ts).
export const setupEn = {
  checklist: {
    title: "Getting started",
    intro: "What this installation still needs before the hospital relies on it.",
    done: "Done",
    todo: "To do",
    open: "Open",
    setting: (name: string) => `Set ${name} in .env (or the environment) and restart.`,
    items: {
      hospitalName: "The hospital's name",
      departments: "Departments",
      staff: "Staff accounts",
      wards: "Wards and beds",
      appUrl:
        "A public address other computers can open (not localhost): the QR codes printed on prescriptions link to it and work nowhere else until then",
      smtp: "Outgoing email (SMTP)",
      backups: "Backups",
    },
  },
  demo: {
    title: "Demo account",
    body: "You are signed in with an account of the demo hospital, whose password is published. Demo data must not be mixed with real patients.",
    remove: "Remove the demo data with: npm run console -- demo remove --yes",
  },
};
