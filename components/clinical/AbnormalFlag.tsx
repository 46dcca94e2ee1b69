import type { Messages } from "@/lib/i18n/en";

type Flag = "NORMAL" | "LOW" | "HIGH" | "ABNORMAL";
type Labels = Messages["clinical"]["lab"]["flags"];

const ARROW: Record<Exclude<Flag, "NORMAL">, string> = { LOW: "↓", HIGH: "↑", ABNORMAL: "!" };
const TONE: Record<Exclude<Flag, "NORMAL">, string> = {
  LOW: "bg-blue-100 text-blue-900",
  HIGH: "bg-red-100 text-red-900",
  ABNORMAL: "bg-red-100 text-red-900",
};

/**
 * A value outside its normal or reference range, marked by colour AND text ("↑ High", "↓ Low",
 * "! Abnormal"; French too), never colour alone. Nothing for a normal value or none.
 */
export function AbnormalFlag({ flag, labels }: { flag: Flag | null | undefined; labels: Labels }) {
  if (!flag || flag === "NORMAL") return null;
  return (
    <span
      className={`ml-1 inline-flex whitespace-nowrap rounded px-1 text-xs font-semibold ${TONE[flag]}`}
      data-flag={flag}
    >
      <span aria-hidden="true">{ARROW[flag]}</span>&nbsp;{labels[flag]}
    </span>
  );
}

/** A measured value with its flag; the number itself turns bold and coloured when flagged. */
export function FlaggedValue({
  value,
  flag,
  labels,
}: {
  value: React.ReactNode;
  flag: Flag | null | undefined;
  labels: Labels;
}) {
  const off = flag && flag !== "NORMAL";
  return (
    <span className={off ? `font-semibold ${flag === "LOW" ? "text-blue-900" : "text-red-800"}` : undefined}>
      {value}
      <AbnormalFlag flag={flag} labels={labels} />
    </span>
  );
}
