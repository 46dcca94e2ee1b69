import { createCipheriv, createDecipheriv, randomBytes, scrypt } from "node:crypto";

// The backup file format (docs/backups.md). Two layers, both streamed:
//
// OUTER (the file): 8 bytes "HOSPBAK1", then one mode byte:
//   "Z": the rest is the gzip of the inner stream.
//   "E": 16-byte salt, 3 bytes scrypt cost (log2 N, r, p), then the gzip of the inner stream in
//        AES-256-GCM chunks: [final flag: 1 byte][length: uint32 BE][ciphertext][16-byte tag].
//        Key = scrypt(BACKUP_ENCRYPTION_KEY, salt, N, r, p, 32 bytes), one per file (fresh salt);
//        nonce = 4 zero bytes + chunk counter (uint64 BE); additional data = the file header (all
//        bytes before the first chunk) + the final flag, so a chunk moved, dropped, cut off or
//        flipped fails its tag, and a file must end with exactly one final chunk.
//
// INNER (after decryption and gunzip): records [type: 1 byte][length: uint32 BE][payload]:
//   "H" header JSON (BackupHeader), first;
//   "T" a table starts: JSON { name, columns };
//   "D" rows of the current table: PostgreSQL COPY text format, whole rows;
//   "M" manifest JSON (BackupManifest), last: rows and SHA-256 of each table's COPY text.

export const MAGIC = Buffer.from("HOSPBAK1");
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SCRYPT = { logN: 15, r: 8, p: 1 } as const;

export type BackupHeader = {
  format: 1;
  createdAt: string;
  appVersion: string;
  serverVersion: string;
  /** The migrations applied in the backed-up database (_prisma_migrations), oldest first. */
  migrations: string[];
  /** AuditHead at the snapshot: the seq and hash of the newest audit event. */
  auditHead: { seq: string; hash: string };
  tables: { name: string; columns: string[] }[];
  sequences: { name: string; value: string | null }[];
};

export type TableSummary = { name: string; rows: number; sha256: string; bytes: number };
export type BackupManifest = Omit<BackupHeader, "tables"> & {
  finishedAt: string;
  tables: (TableSummary & { columns: string[] })[];
};

export type RecordType = "H" | "T" | "D" | "M";

export function record(type: RecordType, payload: Buffer | string | object): Buffer {
  const body = Buffer.isBuffer(payload)
    ? payload
    : Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload));
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

/** Thrown for a file that is not a backup, is damaged or was altered; the message says which. */
export class BackupFileError extends Error {
  override name = "BackupFileError";
}

/** Reads exact byte counts from a stream of chunks. */
export class ByteReader {
  private buffered: Buffer[] = [];
  private size = 0;
  private done = false;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<void> {
    while (this.size < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
        this.buffered.push(chunk);
        this.size += chunk.length;
      }
    }
  }

  /** Everything not read yet. */
  async *rest(): AsyncGenerator<Buffer> {
    const buffered = this.buffered;
    this.buffered = [];
    this.size = 0;
    yield* buffered;
    for (;;) {
      const next = await this.source.next();
      if (next.done) return;
      yield next.value;
    }
  }

  /** Exactly n bytes; null at the end of the stream; a BackupFileError when it ends inside them. */
  async read(n: number, what: string): Promise<Buffer | null> {
    await this.fill(n);
    if (this.size === 0 && this.done) return null;
    if (this.size < n) throw new BackupFileError(`The backup file is cut short (inside ${what}).`);
    const all = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffered = rest.length ? [rest] : [];
    this.size = rest.length;
    return out;
  }
}

async function* chunksOf(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const chunk of source) {
    pending.push(chunk);
    length += chunk.length;
    while (length >= size) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, size);
      pending = [all.subarray(size)];
      length -= size;
    }
  }
  yield Buffer.concat(pending);
}

/** The file key from the operator's BACKUP_ENCRYPTION_KEY and the file's salt. */
function deriveKey(secret: string, salt: Buffer, cost: { logN: number; r: number; p: number }): Promise<Buffer> {
  if (cost.logN < 14 || cost.logN > 20 || cost.r < 1 || cost.r > 16 || cost.p < 1 || cost.p > 4)
    return Promise.reject(new BackupFileError("The backup file's key parameters are out of range (damaged header)."));
  const N = 2 ** cost.logN;
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, 32, { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

const nonce = (counter: number) => {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(counter), 4);
  return iv;
};

/** The file: header, then the gzip stream as is ("Z") or encrypted in chunks ("E"). */
export function sealer(key: string | undefined): (gzipped: AsyncIterable<Buffer>) => AsyncGenerator<Buffer> {
  return async function* seal(gzipped) {
    if (!key) {
      yield Buffer.concat([MAGIC, Buffer.from("Z")]);
      yield* gzipped;
      return;
    }
    const salt = randomBytes(16);
    const header = Buffer.concat([MAGIC, Buffer.from("E"), salt, Buffer.from([SCRYPT.logN, SCRYPT.r, SCRYPT.p])]);
    const fileKey = await deriveKey(key, salt, SCRYPT);
    yield header;
    let counter = 0;
    let previous: Buffer | null = null;
    const emit = (plain: Buffer, final: boolean) => {
      const cipher = createCipheriv("aes-256-gcm", fileKey, nonce(counter++));
      cipher.setAAD(Buffer.concat([header, Buffer.from([final ? 1 : 0])]));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      const frame = Buffer.alloc(5);
      frame.writeUInt8(final ? 1 : 0, 0);
      frame.writeUInt32BE(body.length, 1);
      return Buffer.concat([frame, body, cipher.getAuthTag()]);
    };
    // One chunk behind, so that the last one is known to be last.
    for await (const chunk of chunksOf(gzipped, CHUNK_BYTES)) {
      if (previous) yield emit(previous, false);
      previous = chunk;
    }
    yield emit(previous ?? Buffer.alloc(0), true);
  };
}

/** Reads the file header; then yields the gzip stream, decrypted and authenticated chunk by chunk. */
export function opener(key: string | undefined): (file: AsyncIterable<Buffer>) => AsyncGenerator<Buffer> {
  return async function* open(file) {
    const reader = new ByteReader(file[Symbol.asyncIterator]());
    const magic = await reader.read(9, "the file header");
    if (!magic?.subarray(0, 8).equals(MAGIC))
      throw new BackupFileError("This is not a backup file of this system (unknown header).");
    const mode = magic.toString("latin1", 8, 9);
    if (mode === "Z") {
      yield* reader.rest();
      return;
    }
    if (mode !== "E") throw new BackupFileError("This is not a backup file of this system (unknown mode).");
    if (!key)
      throw new BackupFileError("This backup is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with.");
    const params = await reader.read(19, "the file header");
    if (!params) throw new BackupFileError("The backup file is cut short (inside the file header).");
    const header = Buffer.concat([magic, params]);
    const fileKey = await deriveKey(key, params.subarray(0, 16), { logN: params[16], r: params[17], p: params[18] });
    for (let counter = 0; ; counter++) {
      const frame = await reader.read(5, "an encrypted chunk");
      if (!frame) throw new BackupFileError("The backup file is cut short (its last encrypted chunk is missing).");
      const final = frame[0];
      const length = frame.readUInt32BE(1);
      if (final > 1 || length > CHUNK_BYTES + 1024)
        throw new BackupFileError(`The backup file is damaged (chunk ${counter} has an impossible header).`);
      const body = await reader.read(length + TAG_BYTES, "an encrypted chunk");
      if (!body) throw new BackupFileError("The backup file is cut short (inside an encrypted chunk).");
      const decipher = createDecipheriv("aes-256-gcm", fileKey, nonce(counter));
      decipher.setAAD(Buffer.concat([header, Buffer.from([final])]));
      decipher.setAuthTag(body.subarray(length));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
      } catch {
        throw new BackupFileError(
          `The backup file was altered or damaged, or BACKUP_ENCRYPTION_KEY is not the key it was made with (chunk ${counter} fails its authentication).`,
        );
      }
      yield plain;
      if (final) {
        if ((await reader.read(1, "the end")) !== null)
          throw new BackupFileError("The backup file has data after its last chunk (altered).");
        return;
      }
    }
  };
}

export type InnerRecord =
  | { type: "H"; header: BackupHeader }
  | { type: "T"; name: string; columns: string[] }
  | { type: "D"; data: Buffer }
  | { type: "M"; manifest: BackupManifest };

/** The inner records, from the gunzipped stream. */
export async function* readRecords(inner: AsyncIterable<Buffer>): AsyncGenerator<InnerRecord> {
  const reader = new ByteReader(inner[Symbol.asyncIterator]());
  let sawManifest = false;
  for (;;) {
    const head = await reader.read(5, "a record");
    if (!head) break;
    if (sawManifest) throw new BackupFileError("The backup file has data after its manifest (altered).");
    const type = head.toString("latin1", 0, 1);
    const length = head.readUInt32BE(1);
    if (length > 64 * 1024 * 1024)
      throw new BackupFileError("The backup file is damaged (a record is impossibly long).");
    const body = length === 0 ? Buffer.alloc(0) : await reader.read(length, "a record");
    if (!body) throw new BackupFileError("The backup file is cut short (inside a record).");
    const json = () => {
      try {
        return JSON.parse(body.toString("utf8"));
      } catch {
        throw new BackupFileError("The backup file is damaged (a record is not readable).");
      }
    };
    if (type === "H") yield { type, header: json() };
    else if (type === "T") yield { type, ...(json() as { name: string; columns: string[] }) };
    else if (type === "D") yield { type, data: body };
    else if (type === "M") {
      sawManifest = true;
      yield { type, manifest: json() };
    } else throw new BackupFileError(`The backup file is damaged (unknown record type ${JSON.stringify(type)}).`);
  }
  if (!sawManifest) throw new BackupFileError("The backup file is cut short (its manifest is missing).");
}
