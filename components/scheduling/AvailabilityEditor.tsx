import { saveAvailabilityAction } from "@/lib/scheduling/actions";
import { Card } from "@/components/ui/Card";
import { messages } from "@/lib/server/locale";
import { getAvailability, slotsForDays } from "@/lib/scheduling/queries";
import { today } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AvailabilityForm } from "./AvailabilityForm";
import { SlotPicker } from "./SlotPicker";

// A doctor with no hours yet starts from a plain working week.
const STARTER = {
  slotMinutes: 30,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
  exceptions: [],
};

/** The availability form and, beside it, the next 7 days it yields: for /availability and the admin's staff page. */
export async function AvailabilityEditor({ doctorId }: { doctorId: string }) {
  const m = (await messages()).scheduling;
  const [availability, days] = await Promise.all([
    getAvailability(db(), doctorId),
    slotsForDays(db(), doctorId, today(env().HOSPITAL_TIMEZONE), 7),
  ]);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">{m.availability.intro}</p>
      <Card>
        <AvailabilityForm
          doctorId={doctorId}
          initial={availability ?? STARTER}
          save={saveAvailabilityAction}
          labels={{ ...m.availability, weekdays: m.weekdays }}
        />
      </Card>
      <Card title={m.availability.preview}>
        <div aria-label={m.availability.preview} role="region">
          <SlotPicker
            days={days}
            labels={{ free: m.booking.legendFree, taken: m.booking.legendTaken, noSlots: m.doctor.noSlots }}
          />
        </div>
      </Card>
    </div>
  );
}
