import { describe, expect, it } from "vitest";
import { renderMessage } from "@/lib/i18n/message";
import { passwordProblem as problemKey } from "./password-policy";

/** The refusal as read in English (the policy answers with a catalogue key). */
const passwordProblem = (...args: Parameters<typeof problemKey>) => {
  const key = problemKey(...args);
  return key && renderMessage(key, "en");
};

describe("the password policy", () => {
  it("refuses the most common passwords, also dressed up in l33t or capitals", () => {
    for (const p of ["1234567890", "qwertyuiop", "Password123", "P@ssw0rd123", "iloveyou123", "football12"]) {
      expect(passwordProblem(p), p).toMatch(/most commonly used|too easy to guess/);
    }
    expect(passwordProblem("qwertyuiop")).toBe("This is one of the most commonly used passwords: choose another");
  });

  it("refuses guessable patterns: repeats, sequences, keyboard walks", () => {
    for (const p of ["aaaaaaaaaaaa", "abcdefghijkl", "1qaz2wsx3edc", "zxcvbnm,./1"])
      expect(passwordProblem(p), p).not.toBeNull();
  });

  it("refuses a password made of the person's own name or email", () => {
    expect(passwordProblem("okafor.grace", ["grace.okafor@mail.org", "Grace", "Okafor"])).toBe(
      "Do not build your password from your name or email address",
    );
    expect(passwordProblem("Grace-Okafor-1980", ["grace.okafor@mail.org", "Grace", "Okafor"])).toBe(
      "Do not build your password from your name or email address",
    );
    expect(passwordProblem("okafor.grace")).toBeNull();
    // The name inside a strong phrase is fine.
    expect(passwordProblem("grace-staple-orbit-lantern", ["Grace", "Okafor"])).toBeNull();
  });

  it("accepts long phrases and random strings", () => {
    for (const p of ["staple-orbit-lantern-9", "x9#mQ2!vL7pZ", "correct horse battery staple", "Demo-pass-2026"])
      expect(passwordProblem(p), p).toBeNull();
  });
});
