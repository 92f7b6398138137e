// The cashier page's plumbing: message bundles, calls to the store through this terminal
// (api/store/<path> is the store's /api/<path>), money in integer fen, small DOM helpers.
// Modelled on the store manager's page (store-server's js/core.js); copied, not shared, so the
// terminal never depends on the store server's WAR.
'use strict';

const LANGUAGES = ['zh-CN', 'en'];
const LANGUAGE_KEY = 'guitai.cashier.lang';
/** A call the store has not answered within this is given up on the screen (the step's outcome is then unknown). */
const CALL_TIMEOUT_MS = 12000;

const $ = (id) => document.getElementById(id);

// ─── message bundles ─────────────────────────────────────────────────────────────────────────────

const i18n = { lang: 'zh-CN', messages: {} };

async function loadLanguage(lang) {
  const wanted = LANGUAGES.includes(lang) ? lang : LANGUAGES[0];
  const response = await fetch(`i18n/${wanted}.json`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`i18n/${wanted}.json: ${response.status}`);
  i18n.messages = await response.json();
  i18n.lang = wanted;
  document.documentElement.lang = wanted;
  try { localStorage.setItem(LANGUAGE_KEY, wanted); } catch (e) { /* private mode: the choice lasts this page only */ }
  applyTranslations(document);
}

function preferredLanguage() {
  let saved = null;
  try { saved = localStorage.getItem(LANGUAGE_KEY); } catch (e) { /* no storage */ }
  return LANGUAGES.includes(saved) ? saved : LANGUAGES[0];
}

/** The bundle's text for the key, with {name} placeholders filled in; the key itself when missing (the texts test keeps that from happening). */
function t(key, params) {
  const text = Object.prototype.hasOwnProperty.call(i18n.messages, key) ? i18n.messages[key] : key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name]))) : text;
}

/** The text for a key made from a server's value (an enum, a problem slug), or the fallback when the bundle has none. */
function tOr(key, fallback) {
  return Object.prototype.hasOwnProperty.call(i18n.messages, key) ? i18n.messages[key] : fallback;
}

function applyTranslations(root) {
  root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((node) => { node.title = t(node.dataset.i18nTitle); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((node) => { node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel)); });
}

// ─── the store's API, through this terminal ──────────────────────────────────────────────────────

const session = { token: null, staff: null, terminalId: null };
/** Told true or false whenever a call shows whether the store answers. */
let onStoreReachable = () => {};
let onSessionLost = () => {};

class ApiError extends Error {
  /** status 0: no answer at all (network, timeout); 503 store-unreachable: the terminal could not reach the store. */
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem || {};
  }

  /** The problem's slug: urn:guitai:problem:<slug>. */
  get slug() {
    const type = this.problem.type || '';
    return type.startsWith('urn:guitai:problem:') ? type.substring('urn:guitai:problem:'.length) : '';
  }

  /**
   * The store never answered: the step may or may not have happened there, and is to be repeated
   * with the same id. A bare 404 or 5xx without a problem document is a store still starting (its
   * server up, its application not yet deployed), not the store's refusal.
   */
  get unanswered() {
    return this.status === 0 || this.slug === 'store-unreachable' || (!this.slug && [404, 500, 502, 503, 504].includes(this.status));
  }
}

/** The problem in the cashier's language: the bundle's text for its slug, else the store's own words. */
function problemMessage(status, problem) {
  const type = problem && typeof problem.type === 'string' ? problem.type : '';
  const slug = type.startsWith('urn:guitai:problem:') ? type.substring('urn:guitai:problem:'.length) : '';
  const known = slug ? tOr(`problem.${slug}`, '') : '';
  if (known) return known;
  if (problem && problem.detail) return problem.detail;
  if (problem && problem.title) return problem.title;
  return t('error.http', { status });
}

/** A call to api/store/<path> with the session's bearer token; a problem answer throws an ApiError. */
async function api(method, path, body, options) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), (options && options.timeout) || CALL_TIMEOUT_MS);
  let response;
  let text;
  try {
    response = await fetch(`api/store/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal });
    text = await response.text();
  } catch (e) {
    onStoreReachable(false);
    throw new ApiError(0, null, t('error.noAnswer'));
  } finally {
    clearTimeout(timer);
  }
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = text; }
  }
  const error = !response.ok ? new ApiError(response.status, data && typeof data === 'object' ? data : null, '') : null;
  onStoreReachable(response.headers.get('Guitai-Offline') !== 'true' && !(error && error.unanswered));
  if (error) {
    error.message = problemMessage(response.status, error.problem);
    if (response.status === 401 && session.token && path !== 'sessions') onSessionLost(error);
    throw error;
  }
  return data;
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ─── money: decimal strings in, fen as BigInt inside, ¥1,234.50 out; never a float ─────────────

/** Fen of a decimal string such as "1234.5" or "-55.00"; null when it is not one (or has more than two decimals). */
function toFen(value) {
  if (typeof value === 'bigint') return value;
  const m = /^\s*([-+]?)(\d{1,15})(?:\.(\d{1,2}))?\s*$/.exec(String(value === undefined || value === null ? '' : value));
  if (!m) return null;
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] || '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

/** The fen as a plain decimal string for the API: "1234.50". */
function fenToDecimal(fen) {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** ¥ with thousands separators and two decimals; a dash when there is no amount. */
function money(value) {
  if (value === undefined || value === null || value === '') return '—';
  const fen = toFen(value);
  if (fen === null) return String(value);
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${yuan}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Thousandths of a quantity such as "2" or "1.5" (at most three decimals), as a BigInt; null when it is not one. */
function toMilli(value) {
  const m = /^\s*(\d{1,12})(?:\.(\d{1,3}))?\s*$/.exec(String(value === undefined || value === null ? '' : value));
  return m ? BigInt(m[1]) * 1000n + BigInt((m[2] || '').padEnd(3, '0')) : null;
}

/** The quantity as the store writes it: "3", "1.5". */
function milliToQuantity(milli) {
  const whole = milli / 1000n;
  const rest = (milli % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : `${whole}`;
}

function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(i18n.lang, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

// ─── DOM helpers ─────────────────────────────────────────────────────────────────────────────────

/** An element with its class, attributes and children (strings become text, never HTML). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** A table cell: {text, num, cls} or a plain value. */
function cell(value) {
  if (value instanceof Node) return el('td', {}, value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return el('td', { class: [value.num ? 'num' : '', value.cls || ''].join(' ').trim() || undefined }, value.text);
  }
  return el('td', {}, value);
}

/** Fills the table's body with one row per item, or one row saying there is nothing. */
function fillTable(table, items, toRow) {
  const body = table.tBodies[0];
  const columns = table.tHead ? table.tHead.rows[0].cells.length : 1;
  if (!items || items.length === 0) {
    body.replaceChildren(el('tr', { class: 'empty-row' }, el('td', { colspan: columns }, t('common.none'))));
    return;
  }
  body.replaceChildren(...items.map((item, i) => {
    const row = toRow(item, i);
    if (row instanceof HTMLTableRowElement) return row;
    return el('tr', {}, row.map(cell));
  }));
}
