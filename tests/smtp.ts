import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type CapturedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  raw: string;
  receivedAt: string;
};

/** The Subject header and the text/plain part of a raw message (nodemailer's quoted-printable undone). */
export function parseMail(raw: string): { subject: string; text: string } {
  const unfold = raw.replace(/\r\n[ \t]+/g, " ");
  const subjectLine = /^Subject: (.*)$/im.exec(unfold)?.[1] ?? "";
  // Whitespace between two encoded words is not part of the text (RFC 2047).
  const subject = subjectLine
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?Q\?(.*?)\?=/gi, (_m, q: string) => decodeQp(q.replace(/_/g, " ")));
  const part = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)\r?\n--/i.exec(raw)?.[1] ?? "";
  const qp = /Content-Type: text\/plain[^]*?Content-Transfer-Encoding: quoted-printable/i.test(raw);
  return { subject, text: qp ? decodeQp(part.replace(/=\r?\n/g, "")) : part };
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "=" && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/**
 * An in-process SMTP server for tests: keeps every message in memory and, with `dir`, also writes
 * each one as a JSON file there (how the e2e specs read the app's mail: e2e/fixtures.ts readMails).
 */
export async function startCaptureSmtp(
  dir?: string,
): Promise<{ url: string; mails: CapturedMail[]; close: () => Promise<void> }> {
  const mails: CapturedMail[] = [];
  if (dir) mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail: CapturedMail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          ...parseMail(raw),
          raw,
          receivedAt: new Date().toISOString(),
        };
        mails.push(mail);
        if (dir) writeFileSync(path.join(dir, `${Date.now()}-${mails.length}.json`), JSON.stringify(mail));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
