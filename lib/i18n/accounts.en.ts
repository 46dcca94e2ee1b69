// Account safety: the password policy, email confirmation of self-registered patients, the forced
// password change, and per-address limits. Sections handed to client components hold plain strings
// only; sentences built from values live in `phrases`.
export const accountsEn = {
  phrases: {
    confirmIntro: (email: string) =>
      `We sent a link to ${email}. Open it to confirm that this address is yours; then you can book visits and see your record.`,
    tryAgainIn: (minutes: number) => `Too many requests from this address. Try again in ${minutes} minute(s).`,
  },
  policy: {
    common: "This is one of the most commonly used passwords: choose another",
    weak: "This password is too easy to guess: use a longer phrase of unrelated words",
    personal: "Do not build your password from your name or email address",
    adminPassword: (reason: string) =>
      `ADMIN_PASSWORD is refused (${reason}). Choose a stronger one, or leave it empty to have one generated.`,
  },
  errors: {
    emailUnconfirmed: "Confirm your email address first: open the link we sent you, or ask for a new one.",
    passwordChangeRequired: "Choose your own password first: the current one was set by an administrator.",
  },
  registered: {
    title: "Check your email",
    body: "If this address can be used for a new account, we have sent it a link to confirm it. Open that link, then sign in. Nothing arrived after a few minutes? Check your spam folder, or sign in and ask for a new link.",
    signIn: "Go to sign in",
  },
  confirm: {
    title: "Confirm your email address",
    resend: "Send the link again",
    resent: "A new link is on its way. It expires in 24 hours.",
    signOut: "Sign out",
    wrongAddress: "Wrong address? Sign out and register again with the right one.",
  },
  confirmLink: {
    title: "Confirm your email address",
    intro: "Confirm that this address is yours to finish creating your account.",
    submit: "Confirm my email address",
    done: "Your email address is confirmed. You can now book visits and see your record.",
    invalid: "This link is invalid, has expired or was already used. Sign in to ask for a new one.",
    continue: "Continue",
  },
  forcedChange: {
    title: "Choose your own password",
    intro:
      "Your password was set by an administrator. Choose one only you know before you continue; you will then sign in again with it.",
  },
};
