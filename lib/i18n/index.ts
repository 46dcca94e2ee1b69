import { en, type Messages } from "./en";

/** The messages for the user's language. English only for now; French plugs in here. */
export function messages(): Messages {
  return en;
}
