import sharp from "sharp";

// Thumbnails of image documents, made on the server once at upload with sharp (libvips, installed
// from npm as a prebuilt linux-x64 binary: no download, no build), stored beside the document and
// served by their own route, so a list of documents never sends the full images. A PDF gets none
// (the list shows its type instead). The image streams into sharp as it is uploaded; sharp holds
// the encoded file (at most DOCUMENT_MAX_BYTES) once while it decodes it, shrinking on load.

export const THUMBNAIL_PX = 256;
/** Larger than this (40 megapixels) is not decoded: a small PNG can declare a huge canvas (a decompression bomb). */
const MAX_INPUT_PIXELS = 40_000_000;

// One image at a time per process and no cache: the web processes are small (WEB_MAX_HEAP_MB).
sharp.concurrency(1);
sharp.cache(false);

export type ThumbnailSink = { write: (chunk: Buffer) => void; finish: () => Promise<Buffer | null>; abort: () => void };

/** A sink fed the image's bytes as they arrive; `finish` gives the WebP thumbnail, or null if the image cannot be read. */
export function thumbnailSink(): ThumbnailSink {
  const pipeline = sharp({ limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", sequentialRead: true })
    .rotate() // EXIF orientation, as a phone photo of a letter is shown
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 70 });
  const output = pipeline.toBuffer().then(
    (b) => b,
    () => null,
  );
  let failed = false;
  pipeline.on("error", () => (failed = true));
  return {
    write: (chunk) => {
      if (!failed) pipeline.write(chunk);
    },
    finish: async () => {
      pipeline.end();
      return output;
    },
    abort: () => {
      failed = true;
      pipeline.destroy();
    },
  };
}
