/**
 * Turns a POST /api/ingest request into documents to ingest: raw text / HTML / DOCX / PDF bodies,
 * JSON `{ text | html, sourceUrl? }`, or multipart uploads (one or several files).
 * The size limit is enforced on Content-Length AND on the bytes actually read.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { IngestInput } from "@/lib/ingest/ingest-document";
import { isSupportedMediaType, mediaTypeOfBytes, toMediaType } from "@/lib/report/media-type";

/** Where a report came from: an http(s) address only (never javascript:, data:, file: …), at most 2,000 characters. */
export const sourceUrlSchema = z
  .string()
  .max(2000, "sourceUrl 不能超过 2000 个字符")
  .url("sourceUrl 必须是网址")
  .refine((u) => URL.canParse(u) && /^https?:$/i.test(new URL(u).protocol), "sourceUrl 只能是 http:// 或 https:// 网址");

/** JSON body: exactly one of text or html. */
export const ingestJsonSchema = z
  .object({ text: z.string().optional(), html: z.string().optional(), sourceUrl: sourceUrlSchema.optional() })
  .refine((b) => (b.text === undefined) !== (b.html === undefined), { message: "需要且只能提供 text 或 html 之一" });

export type IngestJson = z.infer<typeof ingestJsonSchema>;

/** One document of the request, named for per-file answers. */
export type IngestPart = { name: string | null; input: IngestInput } | { name: string | null; error: AppError };

function tooLarge(maxBytes: number): AppError {
  const mb = (maxBytes / 1024 / 1024).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
  return new AppError("payload-too-large", `文件过大：导入接口最多接受 ${mb} MB。(payload too large)`);
}

/** The body's bytes, refusing (413) as soon as more than maxBytes arrive. */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function unsupported(type: string): AppError {
  return new AppError(
    "unsupported-media-type",
    `不支持的文件类型 ${type}：请上传纯文本、HTML、Word (.docx/.doc)、WPS (.wps)、PDF 或扫描图片 (PNG/JPEG) 格式的年度报告。(unsupported media type)`,
  );
}

function toBytesPart(name: string | null, bytes: Uint8Array, declared: string, sourceUrl?: string): IngestPart {
  // the file's own signature wins over a wrong Content-Type or name (a PDF posted as text/plain is a PDF)
  const mediaType = mediaTypeOfBytes(bytes) ?? declared;
  if (!isSupportedMediaType(mediaType)) return { name, error: unsupported(mediaType) };
  return { name, input: { bytes, mediaType, fileName: name ?? undefined, sourceUrl } };
}

function parseJson(bytes: Uint8Array): IngestPart {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError("bad-request", "请求体不是有效的 JSON。(invalid JSON)");
  }
  const body = ingestJsonSchema.safeParse(raw);
  if (!body.success)
    throw new AppError(
      "bad-request",
      `JSON 请求体格式不对：${body.error.issues.map((i) => i.message).join("；")}。应为 {"text": "…"} 或 {"html": "…"}，可附 "sourceUrl"。(bad request)`,
    );
  const { text, html, sourceUrl } = body.data;
  return { name: null, input: html !== undefined ? { html, sourceUrl } : { text, sourceUrl } };
}

async function parseMultipart(bytes: Uint8Array, contentType: string): Promise<IngestPart[]> {
  let form: FormData;
  try {
    form = await new Response(Buffer.from(bytes), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad-request", "无法解析 multipart 表单。(malformed multipart body)");
  }
  const rawUrl = form.get("sourceUrl");
  const checkedUrl = typeof rawUrl === "string" && rawUrl !== "" ? sourceUrlSchema.safeParse(rawUrl) : null;
  if (checkedUrl && !checkedUrl.success) throw new AppError("bad-request", `${checkedUrl.error.issues[0]!.message}。(bad sourceUrl)`);
  const sourceUrl = checkedUrl?.data;
  const parts: IngestPart[] = [];
  for (const [, value] of form.entries()) {
    if (typeof value === "string") continue;
    const fileBytes = new Uint8Array(await value.arrayBuffer());
    parts.push(toBytesPart(value.name || null, fileBytes, toMediaType(value.type, value.name), sourceUrl));
  }
  if (parts.length === 0) throw new AppError("bad-request", "表单中没有文件：请用 file 字段上传一个或多个报告文件。(no file in form)");
  return parts;
}

/** Every document in the request; a single-document body gives one part. Throws AppError for a bad request as a whole. */
export async function readIngestRequest(request: Request, maxBytes: number): Promise<IngestPart[]> {
  const bytes = await readBodyLimited(request, maxBytes);
  const contentType = request.headers.get("content-type") ?? "";
  const fileName = request.headers.get("x-file-name") ?? undefined;
  const type = toMediaType(contentType, fileName);
  if (type === "multipart/form-data") return parseMultipart(bytes, contentType);
  if (type === "application/json") return [parseJson(bytes)];
  // a raw body (PDF, DOCX, text, HTML) names where it was published in X-Source-Url, like JSON's "sourceUrl"
  const sourceUrl = request.headers.get("x-source-url")?.trim() || undefined;
  if (sourceUrl !== undefined && !/^https?:\/\/\S+$/i.test(sourceUrl)) {
    throw new AppError("bad-request", "X-Source-Url 必须是 http(s) 网址 (bad request)");
  }
  const part = toBytesPart(fileName ?? null, bytes, type, sourceUrl);
  if ("error" in part) throw part.error;
  return [part];
}
