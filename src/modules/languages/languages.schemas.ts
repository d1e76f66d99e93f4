import Type, { type Static } from 'typebox';
import { LanguageRefSchema } from '../refs/refs.schemas.js';

export type Language = Static<typeof LanguageRefSchema>;

export const LanguageList = Type.Object({ items: Type.Array(LanguageRefSchema) }, { title: 'LanguageList' });
export type LanguageList = Static<typeof LanguageList>;
