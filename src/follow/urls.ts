// Article URL normalisation, so the same article reached through a feed, a sitemap, a share
// link or a redirect is one URL: tracking parameters, fragments and default ports removed,
// scheme and host lower-cased, and the page's own canonical link honoured when it gives one.
import { parseDocument } from 'htmlparser2';

/** Query parameters that only say where a click came from (exact names, lower-cased). */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking',
  'oly_anon_id', 'oly_enc_id', 'vero_conv', 'vero_id', 'wickedid', 'rb_clickid', 's_cid', 'ncid', 'cmpid',
  'ocid', 'sr_share', 'spm', 'scm', 'share', 'ref_src', 'ref_url', 'xtor', 'at_medium', 'at_campaign',
  'ito', 'cmp', 'icid', 'soc_src', 'soc_trk', 'trk', 'trkcampaign', 'recruiter', 'feature', 'rss', 'rssfeed',
  'fb_action_ids', 'fb_action_types', 'fb_ref', 'fb_source', 'action_object_map', 'action_type_map', 'action_ref_map',
  '_ga', '_gl', 'utm', 'amp_js_v', 'amp_gsa', 'usqp', 'outputtype',
]);
/** Parameter name prefixes of tracking families (utm_source, utm_medium, pk_campaign, …). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'piwik_', 'mtm_', 'matomo_', 'hmb_', 'ga_', 'stm_', 'at_custom', 'oly_', 'itm_'];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * The normal form of an http(s) URL (resolved against `base` when relative), or null when it is
 * not an http(s) URL. Keeps the path as given (servers may be case-sensitive) and the order of the
 * parameters that remain.
 */
export function normaliseUrl(input: string, base?: string): string | null {
  let u: URL;
  try {
    u = base ? new URL(input.trim(), base) : new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  // URL already drops the scheme's default port; an explicit :80 on https is kept (it is not default).
  const kept: Array<[string, string]> = [];
  for (const [k, v] of u.searchParams) if (!isTrackingParam(k)) kept.push([k, v]);
  if (kept.length !== [...u.searchParams].length) {
    u.search = '';
    for (const [k, v] of kept) u.searchParams.append(k, v);
  }
  if (u.search === '?') u.search = '';
  if (!u.pathname) u.pathname = '/';
  return u.href;
}

/** Host key used for politeness (one queue per host name; ports of one host share it). */
export function hostKey(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The canonical URL an HTML page declares (<link rel="canonical">, else og:url), normalised and
 * resolved against the page URL; null when absent, not http(s), or on another registrable site
 * than the page (a canonical pointing elsewhere is not trusted blindly — syndication partners
 * do point at the original, but a hostile page could claim any URL; same host family only).
 */
export function canonicalFromHtml(html: string, pageUrl: string): string | null {
  // Canonical links live in <head>: parse only up to its end (pages can be large).
  const end = html.search(/<\/head\s*>|<body[\s>]/i);
  const head = end > 0 ? html.slice(0, end) : html.slice(0, 300_000);
  const doc = parseDocument(head, { lowerCaseTags: true, lowerCaseAttributeNames: true });
  let canonical: string | null = null;
  let og: string | null = null;
  const walk = (nodes: any[]): void => {
    for (const n of nodes) {
      if (canonical) return;
      if (n.type === 'tag') {
        if (n.name === 'link' && /(^|\s)canonical(\s|$)/i.test(n.attribs?.rel ?? '') && n.attribs?.href) canonical = n.attribs.href;
        else if (n.name === 'meta' && (n.attribs?.property ?? n.attribs?.name ?? '').toLowerCase() === 'og:url' && n.attribs?.content && !og) og = n.attribs.content;
        else if (n.name === 'body') continue; // canonical links belong in <head>
        if (n.children) walk(n.children);
      } else if (n.type === 'root' && n.children) walk(n.children);
    }
  };
  walk(doc.children as any[]);
  const raw = canonical ?? og;
  if (!raw) return null;
  const norm = normaliseUrl(raw, pageUrl);
  if (!norm) return null;
  return sameSite(norm, pageUrl) ? norm : null;
}

/** Same host or one is a subdomain of the other's parent domain (www.x.com / m.x.com / x.com). */
export function sameSite(a: string, b: string): boolean {
  const ha = hostKey(a).replace(/^www\./, '');
  const hb = hostKey(b).replace(/^www\./, '');
  if (!ha || !hb) return false;
  if (ha === hb) return true;
  // IP addresses: only exact matches count.
  if (/^[\d.]+$/.test(ha) || ha.includes(':') || /^[\d.]+$/.test(hb) || hb.includes(':')) return false;
  return ha.endsWith('.' + hb) || hb.endsWith('.' + ha);
}
