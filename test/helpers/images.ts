// Images made on the spot for upload tests, and multipart bodies to carry them.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

export function makeImage(width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' = 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .toFormat(format)
    .toBuffer();
}

export interface Multipart {
  payload: Buffer;
  headers: { 'content-type': string };
}

export function multipart(content: Buffer, fileName: string, contentType: string, field = 'file'): Multipart {
  const boundary = `----moviedb${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
