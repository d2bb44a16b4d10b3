// Message templates: "Use '{{expected}}' instead of '{{actual}}'." Placeholders are validated
// against the kind when the pack loads, so every name here has a value.

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** A template split once into literal text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, string[]>();

export function renderMessage(template: string, values: Record<string, string | number | undefined>): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER);
    compiled.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += String(values[parts[i]!] ?? '') + parts[i + 1]!;
  return out;
}
