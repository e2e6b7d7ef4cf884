// What request logs may say about a URL: secret links carry their credential in the path (a finder's
// follow-up link, a password-reset or invitation link, a website operator's link), so that path segment is
// replaced before logging.
const SECRET_PATHS = [
  /^(\/reports\/follow-up\/)[^/?#]+/,
  /^(\/password\/reset\/)[^/?#]+/,
  /^(\/invitations\/)[^/?#]+/,
  /^(\/operator\/link\/)[^/?#]+/,
];

export function redactUrl(url: string): string {
  let out = url;
  for (const re of SECRET_PATHS) out = out.replace(re, '$1[redacted]');
  // query strings may carry tokens or e-mail addresses too (returnTo, filters): keep only their keys
  const q = out.indexOf('?');
  if (q >= 0) {
    const keys = [...new URLSearchParams(out.slice(q + 1)).keys()];
    out = `${out.slice(0, q)}${keys.length ? `?${keys.map((k) => `${k}=…`).join('&')}` : ''}`;
  }
  return out;
}

/** pino serializer for Fastify's request objects: method, redacted URL, and nothing personal. */
export function requestSerializer(req: { method?: string; url?: string; id?: unknown }) {
  return { method: req.method, url: redactUrl(req.url ?? ''), id: req.id };
}
