// What an uploaded file is (read from its bytes, never from its name), how large it is, and its
// resized copies. Decoding is bounded: the pixel count is read from the header first.
import { fileTypeFromFile } from 'file-type';
import type { Metadata, default as Sharp } from 'sharp';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '../../errors.js';

let loadingSharp: Promise<typeof Sharp> | undefined;

/** sharp (libvips) loads at the first upload: a server that only reads never holds its 25 MB. */
function loadSharp() {
  return (loadingSharp ??= import('sharp').then(({ default: sharp }) => {
    // libvips' operation cache would keep decoded images around between uploads.
    sharp.cache(false);
    // One libvips worker thread an image: uploads are rare, and each thread holds its own buffers.
    sharp.concurrency(1);
    return sharp;
  }));
}

const ACCEPTED_IMAGES: Record<string, { extension: string; extensions: string[] }> = {
  'image/jpeg': { extension: 'jpg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  'image/png': { extension: 'png', extensions: ['png', 'apng'] },
  'image/webp': { extension: 'webp', extensions: ['webp'] },
  'image/avif': { extension: 'avif', extensions: ['avif'] },
  'image/gif': { extension: 'gif', extensions: ['gif'] },
};

/** Declared types that say nothing about the content. */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const DECLARED_ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/x-png': 'image/png' };

export interface ImageType {
  mimeType: string;
  extension: string;
}

/**
 * The image type of a file by its content. Refused (415): anything but the accepted images, and an
 * image whose declared type or file name says it is something else.
 */
export async function identifyImage(file: string, declaredType: string, fileName: string): Promise<ImageType> {
  const found = await fileTypeFromFile(file);
  // An animated PNG is a PNG to everyone who shows it.
  const detected = found?.mime === 'image/apng' ? { ...found, mime: 'image/png' } : found;
  const accepted = detected && ACCEPTED_IMAGES[detected.mime];
  if (!detected || !accepted) {
    throw new UnsupportedMediaTypeError(
      `Only JPEG, PNG, WebP, AVIF and GIF images are accepted; this file's content is ${detected ? detected.mime : 'not an image'}.`,
    );
  }
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  const declaredMime = DECLARED_ALIASES[declared] ?? declared;
  if (!UNDECLARED.has(declaredMime) && declaredMime !== detected.mime) {
    throw new UnsupportedMediaTypeError(`The file was sent as ${declared}, but its content is ${detected.mime}.`);
  }
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension !== undefined && !accepted.extensions.includes(extension)) {
    throw new UnsupportedMediaTypeError(`The file is named .${extension}, but its content is ${detected.mime}.`);
  }
  return { mimeType: detected.mime, extension: accepted.extension };
}

/**
 * JPEG and PNG decode a few lines at a time; AVIF, GIF and WebP decode the whole picture at once
 * (4 bytes a pixel), so their pixel limit is lower: at most this many, whatever IMAGE_MAX_PIXELS says.
 */
export const WHOLE_DECODE_MAX_PIXELS = 16_000_000;
const DECODED_WHOLE = new Set(['avif', 'heif', 'gif', 'webp']);

/** Width and height as shown (EXIF rotation applied), read from the header without decoding. */
export async function measureImage(file: string, maxPixels: number): Promise<{ width: number; height: number }> {
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    metadata = await sharp(file).metadata();
  } catch {
    throw new UnsupportedMediaTypeError('The image cannot be read: it is damaged or incomplete.');
  }
  const { width, height } = metadata;
  if (!width || !height) throw new UnsupportedMediaTypeError('The image has no dimensions.');
  if (width * height > maxPixels) {
    throw new PayloadTooLargeError(`The image has ${width * height} pixels; at most ${maxPixels} are accepted (IMAGE_MAX_PIXELS).`);
  }
  const limit = Math.min(maxPixels, WHOLE_DECODE_MAX_PIXELS);
  if (DECODED_WHOLE.has(metadata.format ?? '') && width * height > limit) {
    throw new PayloadTooLargeError(
      `The ${metadata.format} image has ${width * height} pixels; at most ${limit} are accepted for that format.`,
    );
  }
  const rotated = (metadata.orientation ?? 1) >= 5;
  return rotated ? { width: height, height: width } : { width, height };
}

/**
 * WebP copies at most each width wide (never enlarged), upright. The original is decoded once: the
 * widest copy comes from it, each narrower one from the copy before.
 */
export async function writeResizedCopies(file: string, targets: { path: string; width: number }[], maxPixels: number): Promise<void> {
  const sharp = await loadSharp();
  const widestFirst = [...targets].sort((a, b) => b.width - a.width);
  let source = file;
  for (const [index, target] of widestFirst.entries()) {
    try {
      await sharp(source, { limitInputPixels: maxPixels, sequentialRead: true })
        .rotate()
        .resize({ width: target.width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toFile(target.path);
    } catch (error) {
      // Only the original can be unreadable; a copy of ours failing is the server's trouble.
      if (index > 0 || (error as NodeJS.ErrnoException).code) throw error;
      throw new UnsupportedMediaTypeError('The image cannot be decoded: it is damaged or incomplete.');
    }
    source = target.path;
  }
}

/** The uploader's name for the file, made harmless: no folders, no control characters, not too long. */
export function cleanFileName(raw: string | undefined, fallbackExtension: string): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  if (!cleaned) return `image.${fallbackExtension}`;
  if (cleaned.length <= 200) return cleaned;
  const extension = /\.[^.]{1,10}$/.exec(cleaned)?.[0] ?? '';
  return cleaned.slice(0, 200 - extension.length) + extension;
}
