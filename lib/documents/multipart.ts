import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import Busboy from "busboy";
import { AppError } from "@/lib/server/errors";
import { E } from "@/lib/i18n/error-keys";
import type { Msg } from "@/lib/i18n/message";

// The document upload's multipart/form-data body, read as it arrives (busboy): the text fields sent
// before the file, then the file itself as a stream that the caller consumes (and so paces: nothing
// is buffered beyond busboy's own small window). Limits are busboy's: one file of at most
// `maxFileBytes` (the stream reports `truncated` past it), a few short fields.

const m = E.documents.errors;
const invalid = (fields: Record<string, Msg>) => new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields });

export type FilePart = { field: string; filename: string; stream: Readable; truncated: () => boolean };
export type Upload = {
  /** The fields sent before the file (complete once `file` resolves). */
  fields: Record<string, string>;
  /** The file part, once its headers have arrived; rejects if the body ends without one. */
  file: Promise<FilePart>;
  /** The whole body has been read: rejects on what came after the file (a second file, late fields). */
  done: () => Promise<void>;
  /** Stops parsing (after a refusal): the rest of the body is read and thrown away, never kept. */
  abort: () => void;
};

export function readUpload(req: Request, maxFileBytes: number): Upload {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type) || !req.body)
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", m.multipartOnly);
  let bb: Busboy.Busboy;
  try {
    bb = Busboy({
      headers: { "content-type": type },
      defParamCharset: "utf8",
      // busboy calls a file that reaches fileSize truncated: one byte more, so exactly the limit passes.
      limits: {
        fileSize: maxFileBytes + 1,
        files: 1,
        fields: 12,
        fieldSize: 1024,
        fieldNameSize: 64,
        parts: 13,
        headerPairs: 20,
      },
    });
  } catch {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", m.multipartOnly);
  }
  const source = Readable.fromWeb(req.body as unknown as NodeWebStream<Uint8Array>);
  const fields: Record<string, string> = {};
  let problem: AppError | null = null;
  let fileSeen = false;
  const file = new Promise<FilePart>((resolve, reject) => {
    bb.on("field", (name, value, info) => {
      if (fileSeen) problem ??= invalid({ [name]: m.fileFirst });
      else if (info.valueTruncated || info.nameTruncated) problem ??= invalid({ [name]: m.badForm });
      else fields[name] = value;
    });
    bb.on("file", (name, stream, info) => {
      if (fileSeen) {
        problem ??= invalid({ [name]: m.oneFile });
        stream.resume();
        return;
      }
      fileSeen = true;
      let truncated = false;
      stream.once("limit", () => (truncated = true));
      resolve({ field: name, filename: info.filename ?? "", stream, truncated: () => truncated });
    });
    bb.on("filesLimit", () => (problem ??= invalid({ file: m.oneFile })));
    bb.on("fieldsLimit", () => (problem ??= invalid({ form: m.badForm })));
    bb.on("partsLimit", () => (problem ??= invalid({ form: m.badForm })));
    bb.on("close", () => reject(problem ?? invalid({ file: m.fileMissing })));
    bb.on("error", () => reject(invalid({ form: m.badForm })));
  });
  const finished = new Promise<void>((resolve, reject) => {
    bb.on("close", () => resolve());
    bb.on("error", () => reject(invalid({ form: m.badForm })));
  });
  // Neither is always awaited (a refused upload stops early): no unhandled rejection.
  file.catch(() => {});
  finished.catch(() => {});
  source.on("error", (err) => bb.destroy(err));
  source.pipe(bb);
  return {
    fields,
    file,
    done: async () => {
      await finished;
      if (problem) throw problem;
    },
    abort: () => {
      // Read to its end and dropped (its length is bounded by the route's limit, checked before),
      // so a browser still sending gets the refusal rather than a reset connection.
      source.unpipe(bb);
      bb.destroy();
      source.on("data", () => {});
      source.on("error", () => {});
      source.resume();
    },
  };
}
