type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `https://a.amocrm.ru/x` is under `https://a.amocrm.ru`; `https://a.amocrm.ru.evil/x` is not. */
function isUnder(href: string, base: string): boolean {
  if (!href.startsWith(base)) return false;
  const next = href.charAt(base.length);
  return next === '' || next === '/' || next === '?' || next === '#';
}

function rewriteHrefs(links: Json, from: string, to: string): Json {
  if (Array.isArray(links)) return links.map((item) => rewriteHrefs(item, from, to));
  if (links === null || typeof links !== 'object') return links;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(links)) {
    out[key] =
      key === 'href' && typeof value === 'string' && isUnder(value, from)
        ? `${to}${value.slice(from.length)}`
        : rewriteHrefs(value, from, to);
  }
  return out;
}

function walk(value: Json, from: string, to: string): Json {
  if (Array.isArray(value)) return value.map((item) => walk(item, from, to));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === '_links' ? rewriteHrefs(child, from, to) : walk(child, from, to);
  }
  return out;
}

/**
 * amoCRM's `_links` point at the account's own host; behind the gateway the console must follow
 * them to us instead. amoCRM (PHP) escapes slashes in JSON (`https:\/\/…`), so a text replace would
 * miss them: parse, rewrite every `href` under a `_links` that starts with the upstream base, and
 * serialize again. A body that is not JSON comes back untouched.
 */
export function rewriteLinks(body: Buffer, from: string, to: string): Buffer {
  const text = body.toString('utf8');
  // Hosts need no JSON escaping: a body that never names the upstream host goes back byte for byte.
  if (!text.includes(new URL(from).host)) return body;
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    return body;
  }
  return Buffer.from(JSON.stringify(walk(parsed, from, to)), 'utf8');
}
