import { createHash } from "node:crypto";

/** sha256 (hex) of a document's original bytes: its identity in the store (Report.sha256). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
