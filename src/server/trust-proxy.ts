/**
 * BAUCOSO_TRUST_PROXY: whether the X-Forwarded-* headers of a reverse proxy are believed. Off by
 * default, because a server reached directly would otherwise let any client claim another address
 * (and so escape the login throttle) or claim HTTPS.
 *   unset, "off", "false", "0"   not trusted (the default)
 *   "on", "true"                 every hop is trusted (only when nothing reaches the server directly)
 *   a whole number n             the last n hops are trusted
 *   addresses or CIDRs           only these proxies, comma-separated (e.g. "127.0.0.1,10.0.0.0/8")
 */
export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

export function trustProxyFromEnv(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  const lower = v.toLowerCase();
  if (v === '' || lower === 'off' || lower === 'false' || v === '0') return false;
  if (lower === 'on' || lower === 'true') return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  return v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .join(',');
}
