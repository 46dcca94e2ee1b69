"use client";

import { useEffect, useId, useState, type ChangeEvent, type KeyboardEvent } from "react";

export type ComboOption = { id: string; primary: string; secondary: string; mono?: string };

/** How long typing must pause before the search runs (one request per pause, not per key). */
export const DEBOUNCE_MS = 200;

/**
 * An as-you-type search in the WAI-ARIA combobox pattern: the input keeps focus, ArrowUp/ArrowDown
 * move the active option (aria-activedescendant), Enter picks it, Escape closes the list. `load`
 * fetches the options for a text of at least `minChars` characters, after a pause in typing; a
 * newer text aborts the older request.
 */
export function useCombobox({
  load,
  onPick,
  onEnterWithoutOption,
  minChars = 2,
}: {
  load: (text: string, signal: AbortSignal) => Promise<ComboOption[]>;
  onPick: (option: ComboOption) => void;
  onEnterWithoutOption?: (text: string) => void;
  minChars?: number;
}) {
  const [text, setText] = useState("");
  const [options, setOptions] = useState<ComboOption[] | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const trimmed = text.trim();

  // biome-ignore lint/correctness/useExhaustiveDependencies: load is left out on purpose (see the end of the effect)
  useEffect(() => {
    if (trimmed.length < minChars) {
      setOptions(null);
      setState("idle");
      return;
    }
    const ctl = new AbortController();
    setState("loading");
    const t = setTimeout(() => {
      load(trimmed, ctl.signal).then(
        (found) => {
          setOptions(found);
          setActive(found.length ? 0 : -1);
          setState("idle");
        },
        () => {
          if (!ctl.signal.aborted) setState("failed");
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
    // load is a fresh closure on every render: the text alone decides when to search.
  }, [trimmed, minChars]);

  const expanded = open && trimmed.length >= minChars && (options !== null || state !== "idle");
  const optionId = (i: number) => `${listId}-o${i}`;
  const pick = (o: ComboOption) => {
    setOpen(false);
    onPick(o);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options?.length ?? 0;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      if (n) setActive((a) => (a + 1) % n);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (n) setActive((a) => (a <= 0 ? n - 1 : a - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (expanded && options && active >= 0 && options[active]) pick(options[active]);
      else if (trimmed && onEnterWithoutOption) onEnterWithoutOption(trimmed);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
      } else if (text) {
        e.preventDefault();
        setText("");
      }
    }
  };

  return {
    text,
    setText: (v: string) => {
      setText(v);
      setOpen(true);
    },
    options,
    state,
    active,
    setActive,
    expanded,
    close: () => setOpen(false),
    pick,
    listId,
    optionId,
    inputProps: {
      role: "combobox" as const,
      "aria-expanded": expanded,
      "aria-controls": listId,
      "aria-autocomplete": "list" as const,
      "aria-activedescendant": expanded && active >= 0 && options?.[active] ? optionId(active) : undefined,
      autoComplete: "off",
      spellCheck: false,
      value: text,
      onKeyDown,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        setText(e.target.value);
        setOpen(true);
      },
      onFocus: () => setOpen(true),
      onBlur: () => setOpen(false),
    },
  };
}
