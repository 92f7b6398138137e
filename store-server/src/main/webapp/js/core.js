// The manager page's plumbing: message bundles, calls to the store's API, money and dates on
// screen, small DOM helpers and the two dialogs. Urls are relative: the WAR may live under a context path.
'use strict';

const LANGUAGES = ['zh-CN', 'en'];
const SESSION_KEY = 'guitai.manager.session';
const LANGUAGE_KEY = 'guitai.manager.lang';

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
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
}

// ─── the store's API ─────────────────────────────────────────────────────────────────────────────

const session = { token: null, staff: null, terminalId: null };
let onSessionLost = () => {};

class ApiError extends Error {
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
}

function problemMessage(status, problem) {
  if (problem && problem.detail) return problem.detail;
  if (problem && problem.title) return problem.title;
  return t('error.http', { status });
}

/** A call to api/<path> with the session's bearer token; a problem answer throws an ApiError carrying its detail. */
async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  let response;
  try {
    response = await fetch(`api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, null, t('error.network'));
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = null; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data, problemMessage(response.status, data));
    if (response.status === 401 && session.token && path !== 'sessions') onSessionLost(error);
    throw error;
  }
  return data;
}

/** Downloads api/<path> (a CSV report) with the bearer token and saves it through a blob link. */
async function download(path, fallbackName) {
  const headers = { Accept: 'text/csv' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  const response = await fetch(`api/${path}`, { headers });
  if (!response.ok) {
    let data = null;
    try { data = await response.json(); } catch (e) { /* not a problem document */ }
    const error = new ApiError(response.status, data, problemMessage(response.status, data));
    if (response.status === 401) onSessionLost(error);
    throw error;
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename="?([^";]+)"?/.exec(disposition);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = named ? named[1] : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
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
  let fen = toFen(value);
  if (fen === null) {
    // the server's amounts have two decimals; anything longer is shown rounded by its digits, not by a float
    const m = /^([-+]?\d+)\.(\d{2})(\d*)$/.exec(String(value));
    if (!m) return String(value);
    fen = toFen(`${m[1]}.${m[2]}`);
    if (m[3] && m[3][0] >= '5') fen += fen < 0n || m[1].startsWith('-') ? -1n : 1n;
  }
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${yuan}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A difference with its sign: +¥5.00, -¥55.00, ¥0.00. */
function signedMoney(value) {
  const fen = toFen(value);
  return fen !== null && fen > 0n ? `+${money(fen)}` : money(value);
}

/** A fraction such as "0.8512" as 85.1 %. */
function percent(fraction) {
  if (fraction === undefined || fraction === null || fraction === '') return '—';
  const n = Number(fraction);
  return Number.isFinite(n) ? `${(n * 100).toFixed(1)}%` : String(fraction);
}

// ─── dates and times (instants in this computer's zone: the back office is in the store) ───────

function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(i18n.lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** Month, day and time: enough for the lists of a day or two. */
function shortDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(i18n.lang, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString(i18n.lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

function addDays(isoDate, days) {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().substring(0, 10);
}

function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
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
    return el('td', { class: [value.num ? 'num' : '', value.cls || ''].join(' ').trim() || undefined, title: value.title }, value.node || value.text);
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

function staffLabel(code, names) {
  if (!code) return '—';
  const name = names && names[code];
  return name ? `${name} (${code})` : code;
}

function shortId(id) {
  return id ? id.substring(0, 8) : '—';
}

/** A UUID cut to its first eight characters (the whole one in the cell's title); anything else as it is. */
function shortSubject(subject) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(subject || '') ? `${subject.substring(0, 8)}…` : subject;
}

// ─── messages and dialogs ────────────────────────────────────────────────────────────────────────

let messageTimer = null;

/** Says something at the top of the page: kind 'ok', 'error' or 'info'. */
function say(text, kind) {
  const box = $('message');
  $('message-text').textContent = text;
  box.className = `message ${kind || 'info'}`;
  box.hidden = !text;
  clearTimeout(messageTimer);
  if (text && kind === 'ok') messageTimer = setTimeout(() => { box.hidden = true; }, 6000);
}

function sayError(error) {
  if (error instanceof ApiError && error.status === 401) return;
  const title = error instanceof ApiError && error.slug ? tOr(`problem.${error.slug}`, '') : '';
  say(title ? `${title}: ${error.message}` : error.message, 'error');
}

/** Asks yes or no in the page's own dialog; resolves true for yes. */
function confirmDialog(title, text) {
  const dialog = $('confirm-dialog');
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    $('confirm-yes').focus();
  });
}

/**
 * A manager's one-shot approval of the action on the shift, asked for in the approval dialog
 * with code and PIN; resolves the approval id, or null when the manager cancels.
 */
function askApproval(action, subject, reason) {
  const dialog = $('approval-dialog');
  const form = $('approval-form');
  $('approval-reason').textContent = reason || '';
  $('approval-reason').hidden = !reason;
  $('approval-action').textContent = tOr(`action.${action}`, action);
  $('approval-staff').value = session.staff ? session.staff.code : '';
  $('approval-pin').value = '';
  $('approval-error').hidden = true;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      form.removeEventListener('submit', submit);
      $('approval-cancel').removeEventListener('click', cancel);
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const cancel = (event) => { if (event) event.preventDefault(); finish(null); };
    const submit = async (event) => {
      event.preventDefault();
      const staffCode = $('approval-staff').value.trim().toUpperCase();
      const pin = $('approval-pin').value;
      if (!staffCode || !pin) {
        $('approval-error').textContent = t('approval.missing');
        $('approval-error').hidden = false;
        return;
      }
      $('approval-submit').disabled = true;
      try {
        const body = { id: uuid(), staffCode, pin, action, ...subject };
        const approval = await api('POST', 'approvals', body);
        finish(approval.approvalId);
      } catch (error) {
        $('approval-error').textContent = error.message;
        $('approval-error').hidden = false;
        $('approval-pin').value = '';
        $('approval-pin').focus();
      } finally {
        $('approval-submit').disabled = false;
      }
    };
    form.addEventListener('submit', submit);
    $('approval-cancel').addEventListener('click', cancel);
    dialog.addEventListener('cancel', cancel);
    dialog.showModal();
    $('approval-pin').focus();
  });
}

/**
 * Runs the attempt; when the store answers that it needs a manager's approval (approval-required),
 * asks for one in the dialog and runs the attempt again with it. Resolves null when cancelled.
 */
async function withApproval(action, subject, attempt) {
  try {
    return await attempt(undefined);
  } catch (error) {
    if (!(error instanceof ApiError) || error.slug !== 'approval-required') throw error;
    const approvalId = await askApproval(action, subject, error.message);
    if (!approvalId) return null;
    return attempt(approvalId);
  }
}
