import { notFound } from "next/navigation";
import { AppError } from "@/lib/server/errors";

/** A page's read: NOT_FOUND from the query becomes the not-found page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
