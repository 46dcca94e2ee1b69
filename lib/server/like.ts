/** Text matched literally inside a LIKE/ILIKE pattern: `\`, `%` and `_` escaped (PostgreSQL's default escape is `\`). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
