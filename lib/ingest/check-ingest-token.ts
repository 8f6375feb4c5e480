/**
 * Bearer-token check for POST /api/ingest, in constant time (both sides hashed, then timingSafeEqual).
 * No INGEST_TOKEN configured → ingest is off: 503, never open.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** Throws AppError unless `authorization` is `Bearer <configuredToken>`. */
export function checkIngestToken(authorization: string | null, configuredToken: string | undefined): void {
  if (!configuredToken) {
    throw new AppError("ingest-off", "导入接口未开启：服务器没有配置 INGEST_TOKEN。(ingest is off)");
  }
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "");
  if (!match) {
    throw new AppError("unauthorized", "缺少导入令牌：请在请求头中提供 Authorization: Bearer <令牌>。(missing token)");
  }
  if (!timingSafeEqual(digest(match[1]!.trim()), digest(configuredToken))) {
    throw new AppError("unauthorized", "导入令牌不正确。(wrong token)");
  }
}
