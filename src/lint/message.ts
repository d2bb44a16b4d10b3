// Message templates: "Use '{{expected}}' instead of '{{actual}}'." Placeholders are validated
// against the kind when the pack loads, so every name here has a value.

export function renderMessage(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));
}
