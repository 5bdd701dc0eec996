/** Replaces the password of a connection URL, so the URL can appear in a message. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
  }
}

/** Removes credentials from a message: URL user-info passwords and any known secret verbatim. */
export function scrubSecrets(message: string, secrets: readonly string[] = []): string {
  let scrubbed = message.replace(/(\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
  for (const secret of secrets) {
    if (secret) scrubbed = scrubbed.split(secret).join('***');
  }
  return scrubbed;
}
