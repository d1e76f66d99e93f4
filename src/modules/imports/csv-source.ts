// Reading a CSV (or .csv.gz) file as records with their line numbers, after checking its header.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

function open(file: string): Readable {
  const raw = createReadStream(file);
  return file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/** Refuses a missing file, or one whose header lacks a column, before anything is written. */
export async function checkCsv(file: string, required: string[]): Promise<void> {
  try {
    await access(file);
  } catch {
    throw new InputFileError(`${file}: no such file.`);
  }
  const parser = open(file).pipe(parse({ bom: true, to_line: 1, relax_column_count: true }));
  let header: string[] = [];
  try {
    for await (const row of parser) header = row as string[];
  } catch (error) {
    throw new InputFileError(`${file}: not a readable CSV file (${(error as Error).message}).`);
  }
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length) {
    throw new InputFileError(
      `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${header.join(', ') || 'nothing'}).`,
    );
  }
}

/** Every record of the file; a row that CSV itself cannot read is handed to `onBadRow` and skipped. */
export async function* readCsv(file: string, onBadRow: (line: number, reason: string) => void): AsyncGenerator<CsvRecord> {
  const parser = open(file).pipe(parse({ bom: true, columns: true, relax_column_count: true, skip_records_with_error: true, info: true }));
  parser.on('skip', (error: Error & { lines?: number }) => onBadRow(error.lines ?? 0, error.message));
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { line: info.lines, values: record };
  }
}
