import { z } from "zod";
import { defineOperation, zIso } from "@/lib/server/contract";
import { ZLanguage } from "./language";
import { ZConfirmEmail } from "./registration-schemas";
import { ZChangePassword, ZTokenRequest } from "./schemas";
import { ZSelfRegister } from "@/lib/patients/schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const getAccountResponse = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  language: z.string(),
  requiredAction: z
    .enum(["VERIFY_EMAIL", "UPDATE_PASSWORD"])
    .nullable()
    .describe("The step the account must take first, or null."),
});

/** The account as a write answers it (PATCH /account): the GET's fields but the required action. */
const ZAccountWritten = getAccountResponse.omit({ requiredAction: true });
/** An answer that only says what happened (nothing else to return: the change is the caller's own). */
const statusOnly = <const S extends string>(status: S) => z.object({ status: z.literal(status) });

// The accounts operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getAccount: defineOperation({
    response: getAccountResponse,
    method: "GET",
    path: "/account",
    tag: "auth",
    summary: "The caller's own account: id, name, email, role and language.",
    permission: "account.language",
  }),
  patchAccount: defineOperation({
    response: ZAccountWritten,
    method: "PATCH",
    path: "/account",
    tag: "auth",
    summary: '`{ language: "en" | "fr" }`: the language of the caller\'s pages, emails, PDFs and error messages.',
    permission: "account.language",
    body: ZLanguage,
  }),
  postAccountConfirmationEmail: defineOperation({
    response: statusOnly("sent"),
    errors: [429],
    method: "POST",
    path: "/account/confirmation-email",
    tag: "auth",
    summary: "Sends the caller's unconfirmed address a new confirmation link (at most 3 an hour, then 429).",
    permission: "account.confirmEmail",
    status: 202,
  }),
  putAccountPassword: defineOperation({
    response: statusOnly("changed"),
    method: "PUT",
    path: "/account/password",
    tag: "auth",
    summary:
      "`{ currentPassword, newPassword, confirmPassword }`: changes the caller's password (common and guessable passwords refused on `newPassword`); every session and token of the caller ends, this one too.",
    permission: "account.changePassword",
    body: ZChangePassword,
  }),
  postAuthConfirmEmail: defineOperation({
    response: statusOnly("confirmed"),
    errors: [404],
    method: "POST",
    path: "/auth/confirm-email",
    tag: "auth",
    summary:
      "`{ token }` from the confirmation email: the self-registered account may then book and read its record (until then its calls get 403 EMAIL_UNCONFIRMED). Invalid, used or expired → 404.",
    permission: null,
    body: ZConfirmEmail,
  }),
  postAuthRegister: defineOperation({
    response: z.object({ status: z.literal("accepted"), message: z.string() }),
    errors: [429],
    method: "POST",
    path: "/auth/register",
    tag: "auth",
    summary:
      "A patient's self-registration: the same rules as the /register page. → 202 `{ status, message }`, the same for a new and a known address (the worker emails a confirmation link, or tells the known address's owner); common and guessable passwords refused on `password`; too many from one address → 429.",
    permission: null,
    body: ZSelfRegister,
    status: 202,
  }),
  postAuthToken: defineOperation({
    response: z.object({
      token: z.string(),
      expiresAt: zIso,
      user: z.object({ id: z.string(), role: z.string(), name: z.string() }),
    }),
    examples: { request: { email: "doctor@demo.hospital", password: "a-long-password" } },
    errors: [401, 429],
    method: "POST",
    path: "/auth/token",
    tag: "auth",
    summary:
      "`{ email, password }` → `{ token, expiresAt, user }`: a short-lived sign-in token; wrong email or password → 401, repeated failures → 429.",
    permission: null,
    body: ZTokenRequest,
  }),
};
