import { z } from 'zod';
import { method } from './method';
import { editors } from './roles';
import { idSchema, isoTimestamp, ok } from './common';
import { jobStartedSchema } from './divisions';

/**
 * Files: scans of registers and certificates, delivery photos, signed ledgers.
 *
 * Both transports carry JSON, so a file travels in base64 chunks:
 *   uploads.begin → uploads.chunk × n (contiguous offsets, ≤ 4 MiB each) → uploads.finish (sha256)
 *   → attachments.store (one file, answered at once) or attachments.storeMany (a job, per-file progress).
 * The backend decides the type from the content (JPEG, PNG, TIFF incl. multi-page, PDF), never
 * from the name or the declared mime; identical content is stored once (one attachment per sha256).
 * Viewing: attachments.page gives a cached JPEG of one page of an image at a few fixed widths;
 * PDFs are shown by the renderer with pdf.js from attachments.original (byte ranges).
 */

export const attachmentMimes = ['image/jpeg', 'image/png', 'image/tiff', 'application/pdf'] as const;
export type AttachmentMime = (typeof attachmentMimes)[number];

/** Largest file accepted (300 MB). */
export const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;
/** Largest decoded chunk of uploads.chunk and attachments.original (4 MiB). */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
/** The base64 length of MAX_CHUNK_BYTES. */
const MAX_CHUNK_BASE64 = Math.ceil(MAX_CHUNK_BYTES / 3) * 4;
/** attachments.page widths snap up to one of these (few cached files per page). */
export const PAGE_WIDTHS = [200, 400, 800, 1200, 1600, 2000, 2400] as const;

export const uploadIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'an upload id');
export const sha256Schema = z.string().trim().toLowerCase().regex(/^[0-9a-f]{64}$/, '64 hexadecimal digits');

export const attachmentSchema = z.object({
  id: idSchema,
  sha256: z.string(),
  size: z.number().int(),
  mime: z.enum(attachmentMimes),
  /** Pages of a TIFF or PDF; 1 for JPEG and PNG. */
  pages: z.number().int().min(1),
  /** Of the first page as displayed (EXIF orientation applied); null for PDF. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** The name of the first file stored with this content. */
  originalName: z.string(),
  createdAt: isoTimestamp,
  createdBy: z.string(),
  createdById: z.number().int().nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const storedSchema = z.object({
  attachment: attachmentSchema,
  /** The same content was already stored: this is that attachment (no new row). */
  duplicate: z.boolean(),
});
export type StoredAttachment = z.infer<typeof storedSchema>;

/** The result of an attachments.store job (jobs.get → result). */
export const storeJobResultSchema = z.object({ stored: z.array(storedSchema.extend({ uploadId: z.string() })) });
export type StoreJobResult = z.infer<typeof storeJobResultSchema>;

const uploadStatusSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  received: z.number().int(),
  /** Set once uploads.finish has verified the bytes. */
  sha256: z.string().nullable(),
});

export const attachmentMethods = {
  'uploads.begin': method({
    summary: 'Start sending a file (≤ 300 MB); refused when empty, too large or the disk is too full.',
    access: editors,
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(255),
      size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      /** What the sender believes it is; advisory only (the content decides). */
      mime: z.string().max(100).optional(),
    }),
    output: z.object({ uploadId: z.string() }),
  }),
  'uploads.chunk': method({
    summary: 'Append the next bytes of an upload; the offset must be where the previous chunk ended.',
    access: editors,
    input: z.strictObject({
      uploadId: uploadIdSchema,
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      dataBase64: z.base64().max(MAX_CHUNK_BASE64),
    }),
    output: z.object({ received: z.number().int() }),
  }),
  'uploads.finish': method({
    summary: 'Check that every byte arrived (sha256 of the whole file); the upload can then be stored.',
    access: editors,
    input: z.strictObject({ uploadId: uploadIdSchema, sha256: sha256Schema }),
    output: z.object({ uploadId: z.string(), size: z.number().int(), sha256: z.string() }),
  }),
  'uploads.status': method({
    summary: 'How much of an upload has arrived (to resume after an interruption).',
    access: editors,
    input: z.strictObject({ uploadId: uploadIdSchema }),
    output: uploadStatusSchema,
  }),
  'uploads.cancel': method({
    summary: 'Drop an upload and its bytes (an unknown or already stored upload is fine).',
    access: editors,
    input: z.strictObject({ uploadId: uploadIdSchema }),
    output: ok,
  }),
  'attachments.store': method({
    summary: 'Check one finished upload by its content and store it (identical content is stored once).',
    access: editors,
    input: z.strictObject({ uploadId: uploadIdSchema }),
    output: storedSchema,
  }),
  'attachments.storeMany': method({
    summary: 'Store several finished uploads as a job: all or nothing, progress per file, cancellable.',
    access: editors,
    input: z.strictObject({ uploadIds: z.array(uploadIdSchema).min(1).max(1000) }),
    output: jobStartedSchema,
  }),
  'attachments.get': method({
    summary: 'One attachment’s metadata.',
    access: 'signedIn',
    input: z.strictObject({ id: idSchema }),
    output: attachmentSchema,
  }),
  'attachments.page': method({
    summary: 'One page of an image attachment as JPEG, at the smallest cached width ≥ the one asked (200…2400); not for PDF.',
    access: 'signedIn',
    input: z.strictObject({
      id: idSchema,
      page: z.number().int().min(1).max(100_000).default(1),
      width: z.number().int().min(1).max(10_000).default(1600),
    }),
    output: z.object({
      mime: z.literal('image/jpeg'),
      dataBase64: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      page: z.number().int(),
      pages: z.number().int(),
    }),
  }),
  'attachments.original': method({
    summary: 'The stored bytes, in ranges of up to 4 MiB (PDFs are displayed from these with pdf.js).',
    access: 'signedIn',
    input: z.strictObject({
      id: idSchema,
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
      length: z.number().int().min(1).max(MAX_CHUNK_BYTES).default(MAX_CHUNK_BYTES),
    }),
    output: z.object({
      mime: z.enum(attachmentMimes),
      size: z.number().int(),
      offset: z.number().int(),
      /** Bytes in this answer; offset + length === size on the last range. */
      length: z.number().int(),
      dataBase64: z.string(),
      sha256: z.string(),
      originalName: z.string(),
    }),
  }),
};
