import Type, { type Static } from 'typebox';

const Url = Type.String({ format: 'uri' });

export const ImageSchema = Type.Object(
  {
    id: Type.Integer({ description: 'The file id.' }),
    fileName: Type.String({ description: "The uploader's name for it, cleaned." }),
    mimeType: Type.String({ examples: ['image/jpeg'] }),
    size: Type.Integer({ description: 'Bytes of the original.' }),
    width: Type.Integer(),
    height: Type.Integer(),
    publicUrl: Url,
    sizes: Type.Object(
      { original: Url, w92: Url, w185: Url, w500: Url },
      { description: 'URLs by size: the original, and WebP copies at most 92, 185 and 500 pixels wide (never enlarged).' },
    ),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Image' },
);
export type Image = Static<typeof ImageSchema>;
/** The schemas that `Type.Ref('Image')` names, for `Static<>` of a schema that refers to them. */
export type ImageDefinitions = { Image: typeof ImageSchema };

/** An already uploaded file, for the attach routes that accept JSON instead of an upload. */
export const FileRefBody = Type.Object({ fileId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, { additionalProperties: false });
export type FileRefBody = Static<typeof FileRefBody>;

/**
 * What the OpenAPI document says of a multipart upload. The file part is read as a stream by the
 * route (a missing one is a 400 naming `file`), so the schema cannot require it.
 */
const UploadBody = Type.Object({
  file: Type.Optional(Type.String({ format: 'binary', description: 'One image: JPEG, PNG, WebP, AVIF or GIF (required).' })),
});

/** The request body of every route that takes an upload (read by image-input.ts, not validated). */
export const uploadBodySchema = { content: { 'multipart/form-data': { schema: UploadBody } } };
