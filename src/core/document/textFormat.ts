// The byte-level habits of a file that YAML tooling would otherwise lose: a
// leading BOM, CRLF line endings and whether the last line ends with a newline.
// We parse and patch LF text without a BOM, then put the habits back.

export interface TextFormat {
  bom: boolean;
  eol: '\n' | '\r\n';
  /**
   * The text as read, and its body. An unedited body is given back exactly
   * as read, so a file with mixed line endings (CRLF lines and a few LF ones
   * an editor or script appended) is not rewritten by a no-op. An edited one
   * gets the first line's ending throughout.
   */
  source?: { raw: string; body: string };
}

/** Splits a file's text into its LF body and its format. */
export function detectFormat(raw: string): { body: string; format: TextFormat } {
  const bom = raw.charCodeAt(0) === 0xfeff;
  const withoutBom = bom ? raw.slice(1) : raw;
  const crlf = withoutBom.indexOf('\r\n');
  const lf = withoutBom.indexOf('\n');
  // The first line ending decides; a file with none gets LF.
  const eol: TextFormat['eol'] = crlf >= 0 && crlf + 1 === lf ? '\r\n' : '\n';
  const body = eol === '\r\n' ? withoutBom.replace(/\r\n/g, '\n') : withoutBom;
  return { body, format: { bom, eol, source: { raw, body } } };
}

export function applyFormat(body: string, format: TextFormat): string {
  if (format.source && body === format.source.body) return format.source.raw;
  const text = format.eol === '\r\n' ? body.replace(/\r?\n/g, '\r\n') : body;
  return format.bom ? `\ufeff${text}` : text;
}
