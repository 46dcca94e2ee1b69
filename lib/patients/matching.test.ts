import { describe, expect, it } from "vitest";
import {
  CERTAIN,
  normaliseName,
  normalisePhone,
  POSSIBLE,
  scoreMatch,
  trigramSimilarity,
  type Identity,
  type Level,
} from "./matching";

const amina: Identity = {
  firstName: "Amina",
  lastName: "Okafor",
  dateOfBirth: "1985-03-14",
  sex: "female",
  phone: "+44 20 7946 0958",
  email: "amina.okafor@example.org",
};

// [what, a, b, expected level]
const TABLE: [string, Identity, Identity, Level][] = [
  ["the same identity typed again", amina, { ...amina }, "CERTAIN"],
  ["names, birth date, sex and phone (no email): certain", amina, { ...amina, email: null }, "CERTAIN"],
  [
    "names, birth date and sex only: possible",
    { ...amina, phone: null, email: null },
    { ...amina, phone: null, email: null },
    "POSSIBLE",
  ],
  [
    "first and last name transposed, same birth date and phone",
    amina,
    { ...amina, firstName: "Okafor", lastName: "Amina", email: null },
    "CERTAIN",
  ],
  [
    "accents and case dropped",
    { ...amina, firstName: "José", lastName: "García-López" },
    { ...amina, firstName: "JOSE", lastName: "garcia lopez", email: null },
    "CERTAIN",
  ],
  [
    "phone typed in national format vs international",
    { ...amina, email: null },
    { ...amina, phone: "020 7946 0958", email: null },
    "CERTAIN",
  ],
  [
    "typo in the first name, same birth date and phone: possible",
    amina,
    { ...amina, firstName: "Amnia", email: null },
    "POSSIBLE",
  ],
  [
    "typo in the last name, same birth date, phone and email: certain",
    amina,
    { ...amina, lastName: "Okafr" },
    "CERTAIN",
  ],
  [
    "day and month swapped in the birth date, same names and phone: possible",
    { ...amina, dateOfBirth: "1985-03-04" },
    { ...amina, dateOfBirth: "1985-04-03", email: null },
    "POSSIBLE",
  ],
  [
    "birth date off by a few days, same names and phone: possible",
    amina,
    { ...amina, dateOfBirth: "1985-03-18", email: null },
    "POSSIBLE",
  ],
  [
    "national id equal, surname changed by marriage",
    { ...amina, nationalId: "AB 12 34 56 C" },
    { ...amina, nationalId: "ab123456c", lastName: "Bello", phone: null, email: null },
    "CERTAIN",
  ],
  [
    "national ids differ: never certain, even with everything else (a typo in the id? a human decides)",
    { ...amina, nationalId: "AB123456C" },
    { ...amina, nationalId: "ZX987654A" },
    "POSSIBLE",
  ],
  [
    "national ids differ, no phone or email in common: none",
    { ...amina, nationalId: "AB123456C" },
    { ...amina, nationalId: "ZX987654A", phone: null, email: null },
    "NONE",
  ],
  [
    "twins: same surname, birth date, sex, phone and email are NOT certain",
    {
      firstName: "Chidi",
      lastName: "Eze",
      dateOfBirth: "2010-06-01",
      sex: "male",
      phone: "+2348031234567",
      email: "eze.family@example.org",
    },
    {
      firstName: "Chinedu",
      lastName: "Eze",
      dateOfBirth: "2010-06-01",
      sex: "male",
      phone: "+2348031234567",
      email: "eze.family@example.org",
    },
    "POSSIBLE",
  ],
  [
    "twins without a shared email: not even possible",
    { firstName: "Chidi", lastName: "Eze", dateOfBirth: "2010-06-01", sex: "male", phone: "+2348031234567" },
    { firstName: "Chinedu", lastName: "Eze", dateOfBirth: "2010-06-01", sex: "male", phone: "+2348031234567" },
    "NONE",
  ],
  [
    "a family sharing one phone (mother and son) is not a match",
    {
      firstName: "Grace",
      lastName: "Eze",
      dateOfBirth: "1980-02-11",
      sex: "female",
      phone: "+2348031234567",
      email: "eze.family@example.org",
    },
    {
      firstName: "Chidi",
      lastName: "Eze",
      dateOfBirth: "2010-06-01",
      sex: "male",
      phone: "+2348031234567",
      email: "eze.family@example.org",
    },
    "NONE",
  ],
  [
    "brother and sister with the same birth date (twins of different sex)",
    { firstName: "Ada", lastName: "Eze", dateOfBirth: "2010-06-01", sex: "female", phone: "+2348031234567" },
    { firstName: "Chidi", lastName: "Eze", dateOfBirth: "2010-06-01", sex: "male", phone: "+2348031234567" },
    "NONE",
  ],
  [
    "same common name and birth date, nothing else in common: possible, a human decides",
    { firstName: "John", lastName: "Smith", dateOfBirth: "1970-01-01", sex: "male" },
    { firstName: "John", lastName: "Smith", dateOfBirth: "1970-01-01", sex: "male", phone: "+15551234567" },
    "POSSIBLE",
  ],
  [
    "same name, different birth date decades apart (father and son): none",
    { firstName: "John", lastName: "Smith", dateOfBirth: "1950-04-02", sex: "male", phone: "+15551234567" },
    { firstName: "John", lastName: "Smith", dateOfBirth: "1982-09-30", sex: "male", phone: "+15551234567" },
    "NONE",
  ],
  [
    "same first name and birth date under another surname, nothing else: none",
    { firstName: "Nora", lastName: "Vomica1", dateOfBirth: "1990-05-17", sex: "female" },
    { firstName: "Nora", lastName: "Okonkwo", dateOfBirth: "1990-05-17", sex: "female" },
    "NONE",
  ],
  [
    "surname changed by marriage, same first name, birth date and phone: possible",
    amina,
    { ...amina, lastName: "Bello", email: null },
    "POSSIBLE",
  ],
  [
    "strangers",
    amina,
    {
      firstName: "Peter",
      lastName: "Novak",
      dateOfBirth: "1990-07-21",
      sex: "male",
      phone: "+420 601 123 456",
      email: "p.novak@example.cz",
    },
    "NONE",
  ],
];

describe("scoreMatch: realistic pairs", () => {
  it.each(TABLE)("%s", (_what, a, b, level) => {
    const s = scoreMatch(a, b, "GB");
    expect(s.level, `score ${s.score} (${s.reasons.join(", ")})`).toBe(level);
    // symmetric
    expect(scoreMatch(b, a, "GB").score).toBe(s.score);
  });

  it("twins sharing birth date, surname and phone stay below CERTAIN whatever else they share", () => {
    const twin = (firstName: string): Identity => ({
      firstName,
      lastName: "Eze",
      dateOfBirth: "2010-06-01",
      sex: "male",
      phone: "+2348031234567",
      email: "eze@example.org",
      nationalId: null,
    });
    expect(scoreMatch(twin("Chidi"), twin("Chinedu")).score).toBeLessThan(CERTAIN);
  });

  it("says why", () => {
    expect(scoreMatch(amina, { ...amina, firstName: "Okafor", lastName: "Amina" }).reasons).toEqual([
      "dob",
      "namesSwapped",
      "sex",
      "phone",
      "email",
    ]);
    expect(POSSIBLE).toBeLessThan(CERTAIN);
  });
});

describe("normalisation", () => {
  it("names lose case, accents and punctuation", () => {
    expect(normaliseName("  José-María O'Neil ")).toBe("jose maria o neil");
    expect(normaliseName("ÇAĞLAR")).toBe("caglar");
  });

  it("phones become E.164 with the default country; international forms need none", () => {
    expect(normalisePhone("020 7946 0958", "GB")).toBe("+442079460958");
    expect(normalisePhone("+44 (0)20 7946 0958", "GB")).toBe("+442079460958");
    expect(normalisePhone("+1 555-123-4567")).toBe("+15551234567");
    expect(normalisePhone("")).toBeNull();
  });

  it("trigram similarity is pg_trgm's", () => {
    // SELECT similarity('okafor', 'okafr') = 0.444444 in PostgreSQL (4 shared of 9)
    expect(trigramSimilarity("okafor", "okafr")).toBeCloseTo(4 / 9, 5);
    expect(trigramSimilarity("smith", "smith")).toBe(1);
  });
});
