// Files in any S3-compatible object store (AWS SDK v3). Uploads stream in parts, so memory holds
// at most a few parts whatever the file's size.
import { DeleteObjectCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertSafeKey, type Storage } from './storage.js';

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  publicUrl?: string | undefined;
  /** Unset: the AWS SDK's own chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

const PART_SIZE = 5 * 1024 * 1024;

export function createS3Storage(settings: S3Settings): Storage & { client: S3Client } {
  const client = new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    // A store that does not answer fails the request (a 503) instead of holding it forever:
    // connecting may take 5 s, and a connection may be silent 30 s (a part is 5 MiB).
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  });
  const base = publicBase(settings);

  return {
    kind: 's3',
    client,
    async put(key, body, contentType) {
      const upload = new Upload({
        client,
        params: {
          Bucket: settings.bucket,
          Key: assertSafeKey(key),
          Body: body,
          ContentType: contentType,
          // Keys are never reused for other bytes: the object may be cached forever.
          CacheControl: 'public, max-age=31536000, immutable',
        },
        partSize: PART_SIZE,
        queueSize: 2,
      });
      await upload.done();
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: assertSafeKey(key) }));
    },
    async *list(prefix) {
      for await (const page of paginateListObjectsV2({ client }, { Bucket: settings.bucket, Prefix: prefix })) {
        for (const object of page.Contents ?? []) {
          if (object.Key) yield { key: object.Key, lastModified: object.LastModified ?? new Date(0) };
        }
      }
    },
    publicUrl: (key) => `${base}/${assertSafeKey(key)}`,
  };
}

/** S3_PUBLIC_URL when set; else the bucket's own address at the endpoint (or at AWS). */
function publicBase(settings: S3Settings): string {
  if (settings.publicUrl) return settings.publicUrl.replace(/\/+$/, '');
  if (settings.endpoint) {
    const endpoint = new URL(settings.endpoint);
    const base = endpoint.pathname.replace(/\/+$/, '');
    if (settings.forcePathStyle) return `${endpoint.origin}${base}/${settings.bucket}`;
    return `${endpoint.protocol}//${settings.bucket}.${endpoint.host}${base}`;
  }
  return `https://${settings.bucket}.s3.${settings.region}.amazonaws.com`;
}
