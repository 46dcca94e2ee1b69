"use client";

import { buttonClass } from "./Button";

/** Prints the page (its print view: banner and content, no shell or forms). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass("secondary")} print:hidden`}>
      {label}
    </button>
  );
}
