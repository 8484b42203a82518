/** One CSV record and the line of the file it starts on (1-based, for messages). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks;
 * CRLF, LF and CR all end a line; a byte-order mark is dropped. Fields are not trimmed
 * here (the caller decides). Returns the line of an unterminated quote, if any.
 */
export function csvRecords(input: string): { records: CsvRecord[]; openQuoteLine: number | null } {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endField = () => {
    fields.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart && field.trim() === '') {
      // Spaces before an opening quote are layout, not content.
      field = '';
      quoted = true;
      quoteLine = line;
      atFieldStart = false;
    } else if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      if (c !== ' ' && c !== '\t') atFieldStart = false;
    }
  }
  if (quoted) return { records, openQuoteLine: quoteLine };
  if (field !== '' || fields.length > 0) endRecord();
  return { records, openQuoteLine: null };
}
