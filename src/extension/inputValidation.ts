// Pure (no `vscode`): the checks input boxes run as the person types
// (InputBoxOptions.validateInput). Campaign fields are single lines; a field
// that is required says so before Enter, not after.

export const MAX_FIELD_LENGTH = 2000;

/** A validateInput function for a required single-line field. */
export function requiredText(what: string, max = MAX_FIELD_LENGTH): (value: string) => string | undefined {
  return (value) => {
    if (value.trim() === '') return `${what} cannot be empty.`;
    if (value.length > max) return `${what} is too long (${value.length} characters; at most ${max}).`;
    return undefined;
  };
}

/** A validateInput function for an optional single-line field. */
export function optionalText(what: string, max = MAX_FIELD_LENGTH): (value: string) => string | undefined {
  return (value) => (value.length > max ? `${what} is too long (${value.length} characters; at most ${max}).` : undefined);
}
