export const SERVER_ENTRIES: string[];
export const STANDALONE_DIR: string;
/** The repository files the web server loads (entries and their relative imports) and the packages they import by name. */
export function serverFiles(root: string): Promise<{ files: string[]; packages: string[] }>;
/** Completes .next/standalone with the browser assets, public and the web server's files. */
export function assembleStandalone(root: string): Promise<{ dir: string; files: string[]; packages: string[] }>;
/** The operator's commands compiled for the standalone output: package.json script → TypeScript entry. */
export const BUNDLES: Record<"start" | "worker" | "console", string>;
export const BUNDLE_DIR: string;
