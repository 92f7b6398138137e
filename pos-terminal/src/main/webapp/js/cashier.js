// The cashier's screen: log in, count the float, build the order by scanner and keyboard, confirm,
// take cash (re-state the amount due, count, check the notes, announce), card, check or mobile tenders, then slip, invoice, packing, delivery and
// complete. Every step that changes something at the store is queued (a fast scanner never races
// itself) and, when the store does not answer, repeated with the same ids until it does, so nothing
// is ever recorded twice and the screen says whether the step happened.
'use strict';

const RETRY_MS = 1500;
const POLL_MS = 5000;
/** The customer display follows within a second; reports wait this long for the next change. */
const DISPLAY_DELAY_MS = 150;
const PROBLEM_PREFIX = 'urn:guitai:problem:';

/** The key map (DESIGN.md "Cashier keys"), in the order the help overlay lists it. */
const KEYS = [
  { cap: 'Enter', text: 'keys.enter' },
  { cap: '3*', capKey: 'keys.timesCap', text: 'keys.times' },
  { cap: 'F1', text: 'keys.help' },
  { cap: 'F2', text: 'keys.search' },
  { cap: 'F3', text: 'keys.hold' },
  { cap: 'F4', text: 'keys.confirm' },
  { cap: 'F5', text: 'keys.cash' },
  { cap: 'F6', text: 'keys.card' },
  { cap: 'F7', text: 'keys.check' },
  { cap: 'F8', text: 'keys.mobile' },
  { cap: 'F9', text: 'keys.complete' },
  { cap: 'F10', text: 'keys.find' },
  { cap: 'Esc', text: 'keys.escape' },
  { cap: '↑ ↓', text: 'keys.select' },
  { cap: 'Alt+Q', text: 'keys.quantity' },
  { cap: 'Alt+D', text: 'keys.discount' },
  { cap: 'Alt+R', text: 'keys.price' },
  { cap: 'Delete', text: 'keys.void' },
  { cap: 'Alt+O', text: 'keys.orderDiscount' },
  { cap: 'Alt+S', text: 'keys.slip' },
  { cap: 'Alt+I', text: 'keys.invoice' },
  { cap: 'Alt+P', text: 'keys.packing' },
  { cap: 'Alt+L', text: 'keys.delivery' },
  { cap: 'Alt+N', text: 'keys.noSale' },
  { cap: 'Alt+X', text: 'keys.xReport' },
  { cap: 'Alt+J', text: 'keys.journal' },
  { cap: 'Alt+T', text: 'keys.returns' },
  { cap: 'Alt+V', text: 'keys.devices' },
  { cap: 'Alt+G', text: 'keys.language' },
  { cap: 'Alt+Z', text: 'keys.logout' },
];
/** The keys the bar under the order shows; the help overlay (F1) has them all. */
const BAR_KEYS = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'Esc', 'Alt+T'];

const REJECT_REASONS = ['COUNTERFEIT', 'TORN', 'MISSING_CORNER', 'DEFACED'];

const state = {
  sale: null,
  /** the id of the sale about to be opened: kept until the store has it, so a retry opens the same one */
  nextSaleId: null,
  selected: -1,
  shift: null,
  storeId: null,
  denominations: ['100', '50', '20', '10', '5', '1', '0.5', '0.1'],
  storeReachable: null,
  pendingDocuments: 0,
  lastCash: null,
  /** payment ids kept across repeats of one tender until the store gives a definite answer */
  paymentIds: {},
  invoice: null,
  delivery: null,
  step: null,
  packing: {},
  searchResults: [],
  searchSelected: -1,
  searchedFor: null,
  held: [],
  heldSelected: -1,
  found: [],
  foundSelected: -1,
};

// ─── the queue of steps, and what the screen says about each ──────────────────────────────────

let queue = Promise.resolve();

/** Runs the work after every step queued before it. */
function enqueue(work) {
  const next = queue.then(work, work);
  queue = next.catch(() => {});
  return next;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One step at the store. When the store does not answer (or answers that a mobile payment's result
 * is still pending) the same call, with the same ids, is repeated until it answers; a refusal ends it.
 * settled(): after a repeat, a 409 may mean the first try went through: it tells whether it did.
 */
async function step(what, run, options) {
  const opts = options || {};
  showStep('doing', what);
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await run();
      showStep(attempt > 1 ? 'recovered' : 'done', what);
      return result;
    } catch (error) {
      const pending = error instanceof ApiError && (opts.retryOn || []).includes(error.slug);
      if (error instanceof ApiError && (error.unanswered || pending) && session.token) {
        showStep(pending ? 'pending' : 'unknown', what, { attempt });
        await sleep(RETRY_MS);
        continue;
      }
      if (attempt > 1 && opts.settled && error instanceof ApiError && error.status === 409) {
        const settled = await opts.settled().catch(() => null);
        if (settled) {
          showStep('recovered', what);
          return settled;
        }
      }
      showStep('refused', what, { reason: error.message });
      throw error;
    }
  }
}

function showStep(kind, what, params) {
  state.step = { kind, what, params: params || {} };
  renderStep();
}

function renderStep() {
  const box = $('step');
  if (!state.step) {
    box.hidden = true;
    return;
  }
  const { kind, what, params } = state.step;
  box.dataset.state = kind;
  box.textContent = t(`step.${kind}`, { what: t(what.key, what.params), ...params });
  box.hidden = false;
}

// ─── messages and the store's reachability ─────────────────────────────────────────────────────

function say(text, kind) {
  $('message-text').textContent = text;
  $('message').className = `message ${kind || 'info'}`;
  $('message').hidden = !text;
}

function showError(id, error) {
  const box = $(id);
  if (!error) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.textContent = typeof error === 'string' ? error : errorText(error);
  box.hidden = false;
}

/** The problem's message in the cashier's language, with the field of a 400 named when the store gave it. */
function errorText(error) {
  if (!(error instanceof ApiError)) return error.message || String(error);
  const violations = Array.isArray(error.problem.violations) ? error.problem.violations : [];
  if (violations.length) {
    return `${error.message} ${violations.map((v) => [v.field || v.path || v.property, v.message].filter(Boolean).join(': ')).join('; ')}`;
  }
  return error.message;
}

onStoreReachable = (reachable) => {
  if (state.storeReachable === reachable) return;
  state.storeReachable = reachable;
  renderHeader();
};

onSessionLost = () => {
  resetSession();
  say(t('login.expired'), 'error');
};

async function pollStore() {
  try {
    const response = await fetch('api/terminal', { headers: { Accept: 'application/json' } });
    const terminal = await response.json();
    if (typeof terminal.pendingDocuments === 'number') state.pendingDocuments = terminal.pendingDocuments;
    if (typeof terminal.storeReachable === 'boolean') {
      onStoreReachable(terminal.storeReachable);
      renderHeader();
      return;
    }
  } catch (e) {
    onStoreReachable(false);
    return;
  }
  try {
    await api('GET', 'status', undefined, { timeout: 3000 });
  } catch (e) { /* api() told onStoreReachable */ }
  renderHeader();
}

// ─── rendering ──────────────────────────────────────────────────────────────────────────────────

function renderHeader() {
  $('who').hidden = !session.staff;
  $('who').textContent = session.staff ? t('app.who', { name: session.staff.name, code: session.staff.code }) : '';
  $('terminal').textContent = t('app.terminal', { terminal: session.terminalId || '—' });
  const reachable = state.storeReachable;
  $('store-state').dataset.reachable = reachable === null ? 'unknown' : String(reachable);
  $('store-state').textContent = t(reachable === false ? 'app.storeDown' : reachable ? 'app.storeUp' : 'app.storeUnknown');
  $('pending').textContent = t('app.pending', { count: state.pendingDocuments });
  $('offline-mode').hidden = !session.offline;
  $('offline-mode').textContent = t(reachable ? 'app.offlineSessionStoreBack' : 'app.offlineSession');
  $('banner').hidden = reachable !== false;
  $('logout').hidden = !session.token;
}

function render() {
  renderHeader();
  const loggedIn = !!session.token;
  $('login-view').hidden = loggedIn;
  $('shift-view').hidden = !loggedIn || !!state.shift;
  $('sale-view').hidden = !loggedIn || !state.shift;
  if (loggedIn && state.shift) renderSale();
}

function status() {
  return state.sale ? state.sale.status : 'NONE';
}

function isZero(decimal) {
  return /^0*(\.0*)?$/.test(String(decimal || '0'));
}

function percentText(decimal) {
  return isZero(decimal) ? '—' : `${String(decimal).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}%`;
}

function renderSale() {
  const sale = state.sale;
  const lines = sale ? sale.lines : [];
  const s = status();
  $('sale-status').dataset.status = s;
  $('sale-status').dataset.saleId = sale ? sale.id : '';
  $('sale-slip').dataset.slipCode = sale && sale.slipCode ? sale.slipCode : '';
  $('sale-status').textContent = t(`status.${s}`);
  $('sale-slip').textContent = sale && sale.slipCode ? t('sale.slip', { code: sale.slipCode }) : '';
  if (state.selected >= lines.length) state.selected = lines.length - 1;
  drawLines(lines);
  $('lines').dataset.drawn = String(Number($('lines').dataset.drawn || 0) + 1);
  $('list-total').textContent = money(sale ? sale.listTotal : '0');
  $('discount-total').textContent = money(sale ? sale.discountTotal : '0');
  $('order-discount').textContent = percentText(sale ? sale.orderDiscountPercent : '0');
  $('total').textContent = money(sale ? sale.total : '0');
  $('paid').textContent = money(sale ? sale.paid : '0');
  $('remaining').textContent = money(sale ? sale.due : '0');
  $('payment-list').replaceChildren(...(sale && sale.payments ? sale.payments : []).map((p) => el('li', { dataset: { tender: p.tender } },
    t(`tender.${p.tender}`), ' ', money(p.applied),
    p.tender === 'CASH' && !isZero(p.change) ? ` (${t('cash.change')} ${money(p.change)})` : '',
    p.last4 ? ` ****${p.last4}` : '',
    p.clearance ? ` · ${t(`clearance.${p.clearance}`)}` : '')));
  $('check-held').hidden = s !== 'AWAITING_CLEARANCE';
  $('announce').hidden = !state.lastCash || !['PAID', 'PACKED', 'COMPLETED', 'AWAITING_CLEARANCE', 'CONFIRMED'].includes(s);
  $('after').hidden = !['PAID', 'PACKED'].includes(s);
  $('after-packing').disabled = s !== 'PAID';
  $('after-done').textContent = [
    s === 'PACKED' ? t('after.packed') : '',
    state.invoice ? t('after.invoiced', { number: state.invoice.number }) : '',
    state.delivery ? t('after.deliveryBooked', { status: t(`delivery.status.${state.delivery.status}`) }) : '',
  ].filter(Boolean).join(' · ');
  $('next').hidden = !['COMPLETED', 'AWAITING_CLEARANCE', 'CANCELLED'].includes(s);
  $('next-title').textContent = s === 'COMPLETED' ? t('after.completed') : s === 'CANCELLED' ? t('after.cancelled') : t('after.checkHeld');
  $('order-view').hidden = false;
  renderReturnMode();
}

/** The rows of the order, by line id with what they show: a scan redraws the line it touched, not the whole order. */
let lineRows = new Map();

function drawLines(lines) {
  const body = $('lines').tBodies[0];
  if (!lines.length) {
    lineRows = new Map();
    body.replaceChildren(el('tr', { class: 'empty-row' }, el('td', { colspan: 10 }, t('order.empty'))));
    return;
  }
  const rows = new Map();
  lines.forEach((l, i) => {
    const selected = i === state.selected;
    const shown = [l.lineNo, l.name, l.brand, l.model, l.spec, l.colour, l.quantity, l.unit, l.listPrice, l.unitPrice, l.discountPercent, l.amount,
      selected, i18n.lang].join('\u0000');
    const known = lineRows.get(l.id);
    rows.set(l.id, known && known.shown === shown ? known : { shown, row: lineRow(l, selected) });
  });
  lineRows = rows;
  // every wanted row at its place, moving or adding only what differs; what is left over goes
  let place = 0;
  for (const { row } of rows.values()) {
    const current = body.children[place];
    if (current !== row) body.insertBefore(row, current || null);
    place++;
  }
  while (body.children.length > rows.size) body.lastElementChild.remove();
}

function lineRow(l, selected) {
  return el('tr', {
    class: selected ? 'selected' : undefined, 'aria-selected': selected ? 'true' : 'false',
    dataset: { lineId: l.id, barcode: l.barcode || '', quantity: l.quantity },
    onclick: () => { state.selected = state.sale.lines.findIndex((x) => x.id === l.id); renderSale(); focusScan(); },
  }, [
    l.lineNo, `${l.name} · ${l.brand}`, l.model, l.spec, l.colour,
    { text: `${l.quantity} ${l.unit || ''}`.trim(), num: true, cls: 'quantity' },
    { text: money(l.listPrice), num: true }, { text: money(l.unitPrice), num: true, cls: 'unit-price' },
    { text: percentText(l.discountPercent), num: true, cls: 'discount' }, { text: money(l.amount), num: true, cls: 'amount' },
  ].map(cell));
}

function renderKeysBar() {
  $('keys-bar').replaceChildren(...KEYS.filter((k) => BAR_KEYS.includes(k.cap)).map((k) => el('span', { class: 'key' }, el('kbd', {}, k.cap), ' ', t(k.text))));
}

function renderHelp() {
  fillTable($('help-keys'), KEYS, (k) => [el('kbd', {}, k.capKey ? t(k.capKey) : k.cap), t(k.text)]);
}

function focusScan() {
  if (openDialogs().length || $('sale-view').hidden) return;
  if (returnsActive()) {
    focusReturns();
    return;
  }
  $('scan').focus();
}

let displayTimer = null;

/**
 * What the customer display shows, reported after every change of the sale (fire and forget),
 * a moment after the last change: a burst of scans sends one report, not one per scan racing the next scan.
 */
function reportDisplay() {
  if (!session.token) return;
  clearTimeout(displayTimer);
  const snapshot = displayBody();
  const token = session.token;
  displayTimer = setTimeout(() => {
    fetch('api/terminal/display', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(snapshot),
    }).catch(() => { /* the display is a courtesy: the counter never waits for it */ });
  }, DISPLAY_DELAY_MS);
}

function displayBody() {
  const sale = state.sale;
  const s = status();
  const phase = s === 'NONE' || s === 'CANCELLED' ? 'IDLE' : s === 'COMPLETED' ? 'THANKS'
    : ['OPEN', 'CONFIRMED'].includes(s) ? 'ORDER' : 'PAID';
  const cash = state.lastCash;
  const body = {
    phase,
    saleId: sale && phase !== 'IDLE' ? sale.id : null,
    lines: sale && phase !== 'IDLE' ? sale.lines.slice(-200).map((l) => ({ name: `${l.name} ${l.brand} ${l.model}`, quantity: l.quantity, amount: l.amount })) : [],
    total: sale && phase !== 'IDLE' ? sale.total : '0.00',
    received: cash ? cash.payment.received : null,
    change: cash ? cash.payment.change : null,
    announcement: cash ? cash.announcement : null,
    language: i18n.lang,
  };
  return body;
}

function saleChanged(sale) {
  if (sale) state.sale = sale;
  renderSale();
  reportDisplay();
}

// ─── dialogs ────────────────────────────────────────────────────────────────────────────────────

function openDialogs() {
  return [...document.querySelectorAll('dialog[open]')];
}

function openDialog(id, focusId) {
  const dialog = $(id);
  dialog.querySelectorAll('.error').forEach((e) => { e.hidden = true; });
  if (!dialog.open) dialog.showModal();
  if (focusId) $(focusId).focus();
}

function closeDialog(id) {
  if ($(id).open) $(id).close();
}

document.querySelectorAll('dialog').forEach((dialog) => {
  dialog.addEventListener('close', () => setTimeout(focusScan, 0));
  dialog.querySelectorAll('button.cancel').forEach((b) => b.addEventListener('click', () => dialog.close()));
});

/**
 * A manager's one-shot approval asked for in place: the manager types code and PIN on this
 * screen; resolves the approval id, or null when cancelled (Esc). subject: {returnId} when it is
 * not the sale at the counter that the approval is for.
 */
function askApproval(action, reason, subject) {
  const dialog = $('approval-dialog');
  $('approval-action').textContent = tOr(`action.${action}`, action);
  $('approval-reason').textContent = reason || '';
  $('approval-staff').value = '';
  $('approval-pin').value = '';
  openDialog('approval-dialog', 'approval-staff');
  return new Promise((resolve) => {
    const requestId = uuid();
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      $('approval-form').removeEventListener('submit', submit);
      dialog.removeEventListener('close', closed);
      closeDialog('approval-dialog');
      resolve(value);
    };
    const closed = () => finish(null);
    const submit = async (event) => {
      event.preventDefault();
      const staffCode = $('approval-staff').value.trim().toUpperCase();
      const pin = $('approval-pin').value;
      if (!staffCode) { $('approval-staff').focus(); return; }
      if (!pin) { $('approval-pin').focus(); return; }
      try {
        const body = { id: requestId, staffCode, pin, action };
        // what the approval is for: the return (or shift) named, else the sale at the counter
        if (subject) Object.assign(body, subject);
        else if (state.sale && action !== 'NO_SALE') body.saleId = state.sale.id;
        const approval = await step({ key: 'what.approval' }, () => api('POST', 'approvals', body));
        finish(approval.approvalId);
      } catch (error) {
        showError('approval-error', error);
        $('approval-pin').value = '';
        $('approval-pin').focus();
      }
    };
    $('approval-form').addEventListener('submit', submit);
    dialog.addEventListener('close', closed);
  });
}

/** Runs the attempt; when the store answers that a manager must approve, asks in place and runs it again with the approval. */
async function withApproval(action, attempt) {
  try {
    return await attempt(undefined);
  } catch (error) {
    if (!(error instanceof ApiError) || error.slug !== 'approval-required') throw error;
    const approvalId = await askApproval(action, error.problem.detail || '');
    if (!approvalId) return null;
    return attempt(approvalId);
  }
}

// ─── login and the float ────────────────────────────────────────────────────────────────────────

$('login-staff').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    if ($('login-staff').value.trim()) $('login-pin').focus();
  }
});

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const staffCode = $('login-staff').value.trim().toUpperCase();
  const pin = $('login-pin').value;
  if (!staffCode) { $('login-staff').focus(); return; }
  if (!pin) { $('login-pin').focus(); return; }
  showError('login-error', null);
  $('login-submit').disabled = true;
  try {
    await pageReady;
    if (!session.terminalId) session.terminalId = (await (await fetch('api/terminal', { headers: { Accept: 'application/json' } })).json()).terminalId;
    // through the terminal: the store's login while it answers, else the terminal's own for staff who logged in here lately
    const login = await terminalLogin(staffCode, pin);
    session.token = login.token;
    session.staff = login.staff;
    session.offline = !!login.offline;
    $('login-pin').value = '';
    say('');
    await findShift();
    render();
    reportDisplay();
    if (state.shift) focusScan();
    else $(`float-${state.denominations[0]}`).focus();
  } catch (error) {
    showError('login-error', error);
    $('login-pin').value = '';
    $('login-pin').focus();
  } finally {
    $('login-submit').disabled = false;
  }
});

/** POST api/terminal/sessions: the login every cashier makes, answered by the store or, while it is away, by this terminal. */
async function terminalLogin(staffCode, pin) {
  let response;
  let data = null;
  try {
    response = await fetch('api/terminal/sessions', {
      method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify({ staffCode, pin }),
    });
    const text = await response.text();
    if (text) { try { data = JSON.parse(text); } catch (e) { data = null; } }
  } catch (e) {
    throw new ApiError(0, null, t('error.noAnswer'));
  }
  if (!response.ok) throw new ApiError(response.status, data, problemMessage(response.status, data));
  return data;
}

async function findShift() {
  const open = await api('GET', `shifts?status=OPEN&terminalId=${encodeURIComponent(session.terminalId)}`);
  state.shift = open.length ? open[0] : null;
}

function buildDenominations(container, prefix, onInput) {
  $(container).replaceChildren(...state.denominations.map((d) => el('label', { class: 'field' },
    el('span', {}, t('cash.piece', { denomination: money(d) })),
    el('input', { id: `${prefix}-${d}`, inputmode: 'numeric', size: 3, dataset: { denomination: d }, oninput: onInput }))));
}

/** Fen counted in the inputs of a denomination grid: count × piece, in integers. */
function countedFen(prefix) {
  let total = 0n;
  for (const d of state.denominations) {
    const count = /^\d{1,6}$/.test($(`${prefix}-${d}`).value.trim()) ? BigInt($(`${prefix}-${d}`).value.trim()) : 0n;
    total += toFen(d) * count;
  }
  return total;
}

function countedPieces(prefix) {
  return state.denominations.map((d) => ({ denomination: d, count: Number.parseInt($(`${prefix}-${d}`).value.trim(), 10) || 0 }))
    .filter((c) => c.count > 0);
}

$('shift-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = state.paymentIds.shift || (state.paymentIds.shift = uuid());
  enqueue(async () => {
    showError('shift-error', null);
    try {
      state.shift = await step({ key: 'what.openShift' }, () => api('POST', 'shifts', { id, terminalId: session.terminalId, float: countedPieces('float') }));
      delete state.paymentIds.shift;
      say(t('shift.opened', { float: money(state.shift.openingFloat) }), 'ok');
      render();
      focusScan();
    } catch (error) {
      if (error instanceof ApiError && error.slug === 'shift-already-open') {
        await findShift();
        render();
        focusScan();
        return;
      }
      showError('shift-error', error);
    }
  });
});

function resetSession() {
  session.token = null;
  session.offline = false;
  session.staff = null;
  state.shift = null;
  clearSale();
  if (returnsActive()) toggleReturns();
  endExchange();
  openDialogs().forEach((d) => d.close());
  render();
  $('login-staff').value = '';
  $('login-staff').focus();
}

function logout() {
  enqueue(async () => {
    reportDisplayIdle();
    try { await api('DELETE', 'sessions/current'); } catch (e) { /* the session ends here either way */ }
    resetSession();
  });
}

function reportDisplayIdle() {
  const sale = state.sale;
  state.sale = null;
  reportDisplay();
  state.sale = sale;
}

// ─── the order ──────────────────────────────────────────────────────────────────────────────────

function clearSale() {
  state.sale = null;
  state.nextSaleId = null;
  state.selected = -1;
  state.lastCash = null;
  state.invoice = null;
  state.delivery = null;
  state.packing = {};
  state.paymentIds = {};
  state.step = null;
  renderStep();
}

/** The sale being built, opened at the store on the first scan (with an id kept until the store has it). */
async function ensureSale() {
  if (state.sale) return state.sale;
  const id = state.nextSaleId || (state.nextSaleId = uuid());
  const sale = await step({ key: 'what.openSale' }, () => api('POST', 'sales', { id, terminalId: session.terminalId }));
  state.nextSaleId = null;
  state.sale = sale;
  return sale;
}

/** A line the cashier has not changed: a repeated scan raises its quantity instead of adding a line. */
function unmodified(line) {
  return !line.priceOverridden && isZero(line.discountPercent);
}

/** "3*6910384000029" is three of the product; a plain code is one. */
function parseScan(raw) {
  const m = /^\s*(\d{1,6}(?:\.\d{1,3})?)\s*[*xX×]\s*(\S+)\s*$/.exec(raw);
  if (m) return { quantity: milliToQuantity(toMilli(m[1])), code: m[2] };
  return { quantity: '1', code: raw.trim() };
}

const SLIP_CODE = /^[A-Za-z0-9]{1,16}-\d{8}$/;

$('scan-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const raw = $('scan').value;
  if (!raw.trim()) return;
  const started = performance.now();
  $('scan').value = '';
  showError('scan-error', null);
  // in returns mode a scan is the slip (or invoice) of the sale the goods come back from
  if (returnsActive()) {
    returnScan(raw);
    return;
  }
  const { quantity, code } = parseScan(raw);
  if (toMilli(quantity) === 0n || toMilli(quantity) === null) {
    showError('scan-error', t('order.badQuantity'));
    return;
  }
  // a scan at a finished sale (completed, check held, cancelled) is the next customer's first item
  if (['COMPLETED', 'AWAITING_CLEARANCE', 'CANCELLED'].includes(status())) nextCustomer();
  if (!['NONE', 'OPEN'].includes(status())) {
    showError('scan-error', t('order.notOpen'));
    return;
  }
  if (SLIP_CODE.test(code) && (!state.sale || !state.sale.lines.length)) {
    enqueue(() => openBySlip(code));
    return;
  }
  enqueue(() => addProduct({ barcode: code }, quantity, started));
});

/** Adds the product, or raises the quantity of its unmodified line; the scan's time is measured to the line drawn. */
async function addProduct(product, quantity, started) {
  const label = { key: 'what.addLine', params: { code: product.barcode || product.sku, quantity } };
  try {
    const sale = await ensureSale();
    const existing = sale.lines.find((l) => unmodified(l) && (product.barcode ? l.barcode === product.barcode : l.sku === product.sku));
    let changed;
    let lineId;
    if (existing) {
      lineId = existing.id;
      const body = { quantity: milliToQuantity(toMilli(existing.quantity) + toMilli(quantity)) };
      changed = await step(label, () => api('PATCH', `sales/${sale.id}/lines/${existing.id}`, body));
    } else {
      lineId = uuid();
      const body = { id: lineId, quantity, ...product };
      changed = await step(label, () => api('POST', `sales/${sale.id}/lines`, body));
    }
    state.selected = changed.lines.findIndex((l) => l.id === lineId);
    saleChanged(changed);
    if (started !== undefined) {
      // measured at the next frame: the line is then on screen, not only in the DOM
      requestAnimationFrame(() => {
        const end = performance.now();
        $('lines').dataset.lastScanMs = (end - started).toFixed(1);
        performance.measure('scan', { start: started, end });
      });
    }
  } catch (error) {
    showError('scan-error', error);
    renderSale();
  }
}

/** A scanned slip at an empty counter: the paid sale is brought up for pick-up (packing, invoice, delivery). */
async function openBySlip(code) {
  try {
    const found = await api('GET', `sales?slip=${encodeURIComponent(code)}`);
    if (!found.length) throw new Error(t('find.nothing'));
    clearSale();
    saleChanged(found[0]);
    say(t('order.slipOpened', { code }), 'ok');
  } catch (error) {
    showError('scan-error', error);
  }
}

function selectLine(delta) {
  const lines = state.sale ? state.sale.lines : [];
  if (!lines.length) return;
  state.selected = state.selected < 0 ? (delta > 0 ? 0 : lines.length - 1) : Math.max(0, Math.min(lines.length - 1, state.selected + delta));
  renderSale();
}

function selectedLine() {
  const lines = state.sale ? state.sale.lines : [];
  return state.selected >= 0 && state.selected < lines.length ? lines[state.selected] : null;
}

function openLineDialog(focus) {
  const line = selectedLine();
  if (!line || status() !== 'OPEN') {
    say(t(line ? 'order.notOpen' : 'order.selectFirst'), 'error');
    return;
  }
  $('line-title').textContent = t('line.edit', { no: line.lineNo, name: `${line.name} ${line.model}` });
  $('line-quantity').value = line.quantity;
  $('line-price').value = line.basePrice;
  $('line-discount').value = isZero(line.discountPercent) ? '0' : line.discountPercent;
  $('line-form').dataset.lineId = line.id;
  openDialog('line-dialog', focus);
  $(focus).select();
}

$('line-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const lineId = $('line-form').dataset.lineId;
  const line = state.sale.lines.find((l) => l.id === lineId);
  const quantity = $('line-quantity').value.trim();
  const discount = $('line-discount').value.trim();
  const price = $('line-price').value.trim();
  if (toMilli(quantity) === null || toMilli(quantity) === 0n) { showError('line-error', t('order.badQuantity')); return; }
  if (toFen(price) === null || toFen(price) <= 0n) { showError('line-error', t('order.badPrice')); $('line-price').focus(); return; }
  // a new price is an override of its own (PRICE_OVERRIDE), asked for before the rest (a discount may need DISCOUNT)
  const reprice = toFen(price) !== toFen(line.basePrice) ? { unitPrice: fenToDecimal(toFen(price)) } : null;
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(discount)) { showError('line-error', t('order.badPercent')); return; }
  const change = {};
  if (toMilli(quantity) !== toMilli(line.quantity)) change.quantity = quantity;
  if (discount !== line.discountPercent && !(isZero(discount) && isZero(line.discountPercent))) change.discountPercent = discount;
  if (!Object.keys(change).length && !reprice) { closeDialog('line-dialog'); return; }
  enqueue(async () => {
    try {
      let sale = null;
      if (reprice) {
        sale = await withApproval('PRICE_OVERRIDE', (approvalId) => step({ key: 'what.changeLine', params: { no: line.lineNo } },
          () => api('PATCH', `sales/${state.sale.id}/lines/${lineId}`, approvalId ? { ...reprice, approvalId } : reprice)));
        if (!sale) return;
        saleChanged(sale);
      }
      if (Object.keys(change).length) {
        sale = await withApproval('DISCOUNT', (approvalId) => step({ key: 'what.changeLine', params: { no: line.lineNo } },
          () => api('PATCH', `sales/${state.sale.id}/lines/${lineId}`, approvalId ? { ...change, approvalId } : change)));
      }
      if (!sale) return;
      closeDialog('line-dialog');
      saleChanged(sale);
    } catch (error) {
      showError('line-error', error);
    }
  });
});

function voidSelectedLine() {
  const line = selectedLine();
  if (!line) { say(t('order.selectFirst'), 'error'); return; }
  if (!['OPEN', 'CONFIRMED'].includes(status())) { say(t('order.notOpen'), 'error'); return; }
  const confirmed = status() === 'CONFIRMED';
  enqueue(async () => {
    try {
      const sale = await withApproval('VOID_LINE', (approvalId) => step({ key: 'what.voidLine', params: { no: line.lineNo } },
        () => api('POST', `sales/${state.sale.id}/lines/${line.id}/void`, approvalId ? { approvalId } : {})));
      if (!sale) return;
      saleChanged(sale);
      // voiding a line of a confirmed order opens it again: the customer hears the new read-back
      if (sale.status === 'OPEN' && confirmed) say(t('order.confirmAgain'), 'info');
    } catch (error) {
      say(errorText(error), 'error');
    }
  });
}

function openOrderDiscount() {
  if (status() !== 'OPEN' || !state.sale.lines.length) { say(t('order.notOpen'), 'error'); return; }
  $('order-discount-input').value = isZero(state.sale.orderDiscountPercent) ? '' : state.sale.orderDiscountPercent;
  openDialog('order-discount-dialog', 'order-discount-input');
}

$('order-discount-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const percent = $('order-discount-input').value.trim() || '0';
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(percent)) { showError('order-discount-error', t('order.badPercent')); return; }
  enqueue(async () => {
    try {
      const sale = await withApproval('DISCOUNT', (approvalId) => step({ key: 'what.orderDiscount', params: { percent } },
        () => api('POST', `sales/${state.sale.id}/discount`, approvalId ? { percent, approvalId } : { percent })));
      if (!sale) return;
      closeDialog('order-discount-dialog');
      saleChanged(sale);
    } catch (error) {
      showError('order-discount-error', error);
    }
  });
});

// ─── search (F2) ────────────────────────────────────────────────────────────────────────────────

function openSearch() {
  if (!['NONE', 'OPEN'].includes(status())) { say(t('order.notOpen'), 'error'); return; }
  $('search-q').value = '';
  state.searchResults = [];
  state.searchSelected = -1;
  state.searchedFor = null;
  renderSearch();
  openDialog('search-dialog', 'search-q');
}

function renderSearch() {
  fillTable($('search-results'), state.searchResults, (p, i) => el('tr', {
    class: i === state.searchSelected ? 'selected' : undefined, dataset: { sku: p.sku },
    onclick: () => { state.searchSelected = i; renderSearch(); $('search-q').focus(); },
  }, [p.brand, p.name, p.model, p.spec, p.colour, { text: money(p.price), num: true }, { text: p.stock, num: true }].map(cell)));
}

$('search-q').addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (!state.searchResults.length) return;
    const delta = event.key === 'ArrowDown' ? 1 : -1;
    state.searchSelected = Math.max(0, Math.min(state.searchResults.length - 1, state.searchSelected + delta));
    renderSearch();
  }
});

$('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const q = $('search-q').value.trim();
  if (!q) return;
  if (q === state.searchedFor && state.searchSelected >= 0) {
    const product = state.searchResults[state.searchSelected];
    closeDialog('search-dialog');
    enqueue(() => addProduct({ sku: product.sku }, '1'));
    return;
  }
  try {
    state.searchResults = await api('GET', `products?q=${encodeURIComponent(q)}`);
    state.searchSelected = state.searchResults.length ? 0 : -1;
    state.searchedFor = q;
    showError('search-error', null);
    renderSearch();
  } catch (error) {
    showError('search-error', error);
  }
});

// ─── confirm (F4): the read-back ─────────────────────────────────────────────────────────────────

function openReadback() {
  if (status() !== 'OPEN' || !state.sale.lines.length) { say(t(state.sale ? 'order.notOpen' : 'order.emptyConfirm'), 'error'); return; }
  renderReadback();
  openDialog('readback-dialog', 'readback-confirm');
}

function renderReadback() {
  const sale = state.sale;
  fillTable($('readback-lines'), sale.lines, (l) => [`${l.name} ${l.brand} ${l.model} ${l.spec} ${l.colour}`,
    { text: l.quantity, num: true }, { text: money(l.listPrice), num: true }, { text: money(l.unitPrice), num: true },
    { text: percentText(l.discountPercent), num: true }, { text: money(l.amount), num: true }]);
  $('readback-discount').textContent = money(sale.discountTotal);
  $('readback-total').textContent = money(sale.total);
}

$('readback-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = state.sale.id;
  enqueue(async () => {
    try {
      const sale = await step({ key: 'what.confirm' }, () => api('POST', `sales/${id}/confirm`), {
        settled: async () => { const s = await api('GET', `sales/${id}`); return s.status !== 'OPEN' ? s : null; },
      });
      closeDialog('readback-dialog');
      saleChanged(sale);
    } catch (error) {
      showError('readback-error', error);
    }
  });
});

// ─── payment (F5 cash, F6 card, F7 check, F8 mobile) ────────────────────────────────────────────

function canPay() {
  if (status() === 'OPEN' && state.sale.lines.length) { say(t('pay.confirmFirst'), 'error'); return false; }
  if (status() !== 'CONFIRMED') { say(t('pay.nothingDue'), 'error'); return false; }
  return true;
}

function paymentId(kind) {
  return state.paymentIds[kind] || (state.paymentIds[kind] = uuid());
}

function rejectedRow() {
  return el('div', { class: 'rejected-row' },
    el('select', { class: 'rejected-denomination', 'aria-label': t('cash.rejectedDenomination') },
      state.denominations.map((d) => el('option', { value: d }, money(d)))),
    el('input', { class: 'rejected-serial', maxlength: 20, spellcheck: 'false', placeholder: t('cash.rejectedSerial'), 'aria-label': t('cash.rejectedSerial') }),
    el('select', { class: 'rejected-reason', 'aria-label': t('cash.rejectedReason') },
      REJECT_REASONS.map((r) => el('option', { value: r }, t(`reject.${r}`)))));
}

function openCash() {
  if (!canPay()) return;
  $('cash-amount-due').value = '';
  buildDenominations('cash-denominations', 'cash-count', renderCashReceived);
  $('rejected-notes').replaceChildren(rejectedRow());
  renderCashReceived();
  openDialog('cash-dialog', 'cash-amount-due');
}

function renderCashReceived() {
  $('cash-received').textContent = money(countedFen('cash-count'));
}

$('rejected-add').addEventListener('click', () => {
  const row = rejectedRow();
  $('rejected-notes').append(row);
  row.querySelector('select').focus();
});

// Enter anywhere in the cash form takes the cash (selects and buttons included)
$('cash-form').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.id !== 'rejected-add') {
    event.preventDefault();
    $('cash-form').requestSubmit();
  }
});

$('cash-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const amountDue = $('cash-amount-due').value.trim();
  if (toFen(amountDue) === null) {
    showError('cash-error', t('cash.stateDue'));
    $('cash-amount-due').focus();
    return;
  }
  const rejected = [...$('rejected-notes').querySelectorAll('.rejected-row')]
    .map((row) => ({ denomination: row.querySelector('.rejected-denomination').value, serial: row.querySelector('.rejected-serial').value.trim(),
      reason: row.querySelector('.rejected-reason').value }))
    .filter((r) => r.serial);
  const body = { id: paymentId('cash'), tender: 'CASH', amountDue: fenToDecimal(toFen(amountDue)), counted: countedPieces('cash-count'), rejected };
  tender('cash', body, 'cash-error');
});

function openTender(kind) {
  if (!canPay()) return;
  const due = state.sale.due;
  $(`${kind}-amount`).value = due;
  $(`${kind}-form`).querySelectorAll('input:not([id$="-amount"])').forEach((i) => { i.value = ''; });
  if (kind === 'mobile') $('mobile-state').hidden = true;
  openDialog(`${kind}-dialog`, kind === 'card' ? 'card-auth' : kind === 'check' ? 'check-number' : 'mobile-code');
}

function amountOf(kind) {
  const fen = toFen($(`${kind}-amount`).value);
  if (fen === null || fen <= 0n) {
    showError(`${kind}-error`, t('pay.badAmount'));
    $(`${kind}-amount`).focus();
    return null;
  }
  return fenToDecimal(fen);
}

$('card-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const amount = amountOf('card');
  if (amount === null) return;
  tender('card', { id: paymentId('card'), tender: 'CARD', amount, authCode: $('card-auth').value.trim(), last4: $('card-last4').value.trim(),
    terminalReference: $('card-reference').value.trim() }, 'card-error');
});

$('check-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const amount = amountOf('check');
  if (amount === null) return;
  tender('check', { id: paymentId('check'), tender: 'CHECK', amount, checkNumber: $('check-number').value.trim(), bank: $('check-bank').value.trim() },
    'check-error');
});

$('mobile-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const amount = amountOf('mobile');
  if (amount === null) return;
  const paymentCode = $('mobile-code').value.replace(/\s+/g, '');
  if (!/^\d{16,24}$/.test(paymentCode)) {
    showError('mobile-error', t('mobile.badCode'));
    $('mobile-code').focus();
    return;
  }
  $('mobile-state').textContent = t('mobile.charging');
  $('mobile-state').hidden = false;
  tender('mobile', { id: paymentId('mobile'), tender: 'MOBILE', amount, channel: $('mobile-channel').value, paymentCode }, 'mobile-error');
});

/** Takes one tender; the same payment id is repeated until the store answers, and only a definite refusal frees it. */
function tender(kind, body, errorId) {
  const saleId = state.sale.id;
  enqueue(async () => {
    showError(errorId, null);
    try {
      const result = await step({ key: 'what.pay', params: { tender: t(`tender.${body.tender}`), amount: money(body.amount || body.amountDue) } },
        () => api('POST', `sales/${saleId}/payments`, body), { retryOn: ['payment-pending'] });
      delete state.paymentIds[kind];
      if (kind === 'cash') showAnnouncement(result);
      closeDialog(`${kind}-dialog`);
      saleChanged(result.sale);
      say(result.sale.status === 'AWAITING_CLEARANCE' ? t('after.checkHeld')
        : result.sale.status === 'CONFIRMED' ? t('pay.remaining', { amount: money(result.sale.due) }) : t('pay.paid'), 'ok');
    } catch (error) {
      // a definite refusal: nothing was taken, so the next try is a new payment; except a mobile charge the
      // provider approved that the sale could not record: it is tried again only with the same payment id
      if (!(error instanceof ApiError && error.slug === 'charged-not-recorded')) delete state.paymentIds[kind];
      if (kind === 'mobile') $('mobile-state').hidden = true;
      showError(errorId, error);
    }
  });
}

/** Announce: the received and change figures, big, with the pieces to give back and the announcement. */
function showAnnouncement(result) {
  state.lastCash = result;
  $('announce-received').textContent = money(result.payment.received);
  $('announce-change').textContent = money(result.payment.change);
  $('announce-breakdown').textContent = (result.changeBreakdown || []).map((p) => t('cash.pieces', { denomination: money(p.denomination), count: p.count })).join('  ');
  $('announce-text').textContent = result.announcement || '';
}

// ─── after payment: slip, invoice, packing, delivery, complete ────────────────────────────────

function requirePaid() {
  if (!state.sale || !['PAID', 'PACKED', 'COMPLETED', 'AWAITING_CLEARANCE'].includes(status())) {
    say(t('after.notPaid'), 'error');
    return false;
  }
  return true;
}

/** Fetches a printable page of the store (slip, invoice) with the session's token and shows it to print. */
async function showPrintable(path) {
  const response = await fetch(`api/store/${path}`, { headers: { Accept: 'text/html', Authorization: `Bearer ${session.token}` } });
  const text = await response.text();
  if (!response.ok) {
    let problem = null;
    try { problem = JSON.parse(text); } catch (e) { /* not a problem */ }
    throw new ApiError(response.status, problem, problemMessage(response.status, problem));
  }
  $('slip-frame').srcdoc = text;
  openDialog('slip-dialog', 'slip-print');
}

$('slip-form').addEventListener('submit', (event) => {
  event.preventDefault();
  $('slip-frame').contentWindow.print();
});

function openSlip() {
  if (!requirePaid()) return;
  showPrintable(`sales/${state.sale.id}/slip`).catch((error) => say(errorText(error), 'error'));
}

async function openInvoice() {
  if (!requirePaid()) return;
  ['invoice-buyer-name', 'invoice-buyer-address', 'invoice-buyer-phone', 'invoice-tax-id', 'invoice-signature'].forEach((id) => { $(id).value = ''; });
  $('invoice-issued').hidden = !state.invoice;
  $('invoice-print').hidden = !state.invoice;
  $('invoice-submit').hidden = !!state.invoice;
  if (state.invoice) $('invoice-issued').textContent = t('invoice.issued', { number: state.invoice.number, words: state.invoice.totalInWords });
  $('invoice-preview-total').textContent = money(state.sale.total);
  $('invoice-preview-words').textContent = '…';
  openDialog('invoice-dialog', 'invoice-buyer-name');
  try {
    // the uppercase comes from the kernel (through this terminal), never from a second implementation in the page
    const response = await fetch(`api/amounts/in-words?amount=${encodeURIComponent(state.sale.total)}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(String(response.status));
    $('invoice-preview-words').textContent = (await response.json()).inWords;
  } catch (e) {
    $('invoice-preview-words').textContent = '—';
  }
}

$('invoice-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (state.invoice) return;
  const body = {
    id: paymentId('invoice'),
    buyerName: $('invoice-buyer-name').value.trim(),
    buyerAddress: $('invoice-buyer-address').value.trim(),
    buyerPhone: $('invoice-buyer-phone').value.trim(),
  };
  if ($('invoice-tax-id').value.trim()) body.buyerTaxId = $('invoice-tax-id').value.trim().toUpperCase();
  if ($('invoice-signature').value.trim()) body.signature = $('invoice-signature').value.trim();
  const saleId = state.sale.id;
  enqueue(async () => {
    showError('invoice-error', null);
    try {
      const invoice = await step({ key: 'what.invoice' }, () => api('POST', `sales/${saleId}/invoice`, body));
      delete state.paymentIds.invoice;
      state.invoice = invoice;
      $('invoice-issued').textContent = t('invoice.issued', { number: invoice.number, words: invoice.totalInWords });
      $('invoice-preview-words').textContent = invoice.totalInWords;
      $('invoice-issued').hidden = false;
      $('invoice-print').hidden = false;
      $('invoice-submit').hidden = true;
      $('invoice-print').focus();
      renderSale();
    } catch (error) {
      delete state.paymentIds.invoice;
      showError('invoice-error', error);
    }
  });
});

$('invoice-print').addEventListener('click', () => {
  showPrintable(`invoices/${encodeURIComponent(state.invoice.number)}/print`).catch((error) => showError('invoice-error', error));
});

function openPacking() {
  if (!requirePaid()) return;
  if (status() !== 'PAID') { say(t(status() === 'PACKED' ? 'after.packed' : 'after.notPaid'), 'error'); return; }
  state.packing = Object.fromEntries(state.sale.lines.map((l) => [l.id, 0n]));
  $('packing-scan').value = '';
  $('packing-slip').textContent = '';
  $('packing-missing').hidden = true;
  renderPacking();
  openDialog('packing-dialog', 'packing-scan');
}

function renderPacking(missing) {
  const missingIds = new Set((missing || []).map((m) => m.lineId));
  fillTable($('packing-lines'), state.sale.lines, (l) => {
    const counted = state.packing[l.id] || 0n;
    const tick = el('input', { type: 'checkbox', class: 'pack-tick', dataset: { lineId: l.id }, 'aria-label': t('packing.tick') });
    tick.checked = counted === toMilli(l.quantity);
    tick.addEventListener('change', () => {
      state.packing[l.id] = tick.checked ? toMilli(l.quantity) : 0n;
      renderPacking();
    });
    return el('tr', { class: missingIds.has(l.id) ? 'missing' : undefined, dataset: { lineId: l.id } },
      [tick, `${l.name} ${l.brand}`, l.model, { text: l.quantity, num: true }, { text: milliToQuantity(counted), num: true, cls: 'counted' }].map(cell));
  });
}

$('packing-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = $('packing-scan').value.trim();
  $('packing-scan').value = '';
  if (code) {
    if (SLIP_CODE.test(code)) {
      const matches = code === state.sale.slipCode;
      $('packing-slip').textContent = t(matches ? 'packing.slipMatches' : 'packing.slipOther', { code });
      return;
    }
    const line = state.sale.lines.find((l) => l.barcode === code && (state.packing[l.id] || 0n) < toMilli(l.quantity));
    if (!line) {
      showError('packing-error', t('packing.notOnSale', { code }));
      return;
    }
    showError('packing-error', null);
    state.packing[line.id] = (state.packing[line.id] || 0n) + 1000n;
    renderPacking();
    return;
  }
  const lines = Object.entries(state.packing).filter(([, q]) => q > 0n).map(([lineId, q]) => ({ lineId, quantity: milliToQuantity(q) }));
  const saleId = state.sale.id;
  enqueue(async () => {
    showError('packing-error', null);
    try {
      const sale = await step({ key: 'what.pack' }, () => api('POST', `sales/${saleId}/packing`, { lines }));
      closeDialog('packing-dialog');
      saleChanged(sale);
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.problem.missingLines)) {
        const missing = error.problem.missingLines;
        $('packing-missing').replaceChildren(el('strong', {}, t('packing.missing')), el('ul', {}, missing.map((m) => el('li', { dataset: { lineId: m.lineId } },
          t('packing.missingLine', { name: m.name || m.sku || m.lineId, expected: m.expected, counted: m.counted })))));
        $('packing-missing').hidden = false;
        renderPacking(missing);
      } else {
        showError('packing-error', error);
      }
    }
  });
});

function localDateTime(date, hour) {
  const d = new Date(date);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`;
}

function openDelivery() {
  if (!requirePaid()) return;
  ['delivery-contact', 'delivery-phone', 'delivery-address'].forEach((id) => { $(id).value = ''; });
  const tomorrow = Date.now() + 24 * 3600 * 1000;
  $('delivery-from').value = localDateTime(tomorrow, 9);
  $('delivery-to').value = localDateTime(tomorrow, 12);
  $('delivery-result').hidden = !state.delivery;
  $('delivery-submit').hidden = !!state.delivery;
  if (state.delivery) $('delivery-result').textContent = t('delivery.booked', { status: t(`delivery.status.${state.delivery.status}`) });
  openDialog('delivery-dialog', 'delivery-contact');
}

$('delivery-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (state.delivery) return;
  const body = {
    id: paymentId('delivery'),
    contact: $('delivery-contact').value.trim(),
    phone: $('delivery-phone').value.trim(),
    address: $('delivery-address').value.trim(),
    window: { from: $('delivery-from').value, to: $('delivery-to').value },
  };
  const saleId = state.sale.id;
  enqueue(async () => {
    showError('delivery-error', null);
    try {
      const delivery = await step({ key: 'what.delivery' }, () => api('POST', `sales/${saleId}/delivery`, body));
      delete state.paymentIds.delivery;
      state.delivery = delivery;
      $('delivery-result').textContent = t('delivery.booked', { status: t(`delivery.status.${delivery.status}`) });
      $('delivery-result').hidden = false;
      // one delivery per request: the form shows it booked instead of offering a second
      $('delivery-submit').hidden = true;
      renderSale();
    } catch (error) {
      delete state.paymentIds.delivery;
      showError('delivery-error', error);
    }
  });
});

/** F9: completes a paid sale; on a finished one (completed, check held, cancelled) it is the next customer. */
function completeOrNext() {
  const s = status();
  if (['COMPLETED', 'AWAITING_CLEARANCE', 'CANCELLED'].includes(s)) {
    nextCustomer();
    return;
  }
  if (!['PAID', 'PACKED'].includes(s)) { say(t('after.notPaid'), 'error'); return; }
  const id = state.sale.id;
  enqueue(async () => {
    try {
      const sale = await step({ key: 'what.complete' }, () => api('POST', `sales/${id}/complete`));
      saleChanged(sale);
      say(t('after.completed'), 'ok');
      afterExchangeSale();
      focusScan();
    } catch (error) {
      say(errorText(error), 'error');
    }
  });
}

function nextCustomer() {
  clearSale();
  endExchange();
  say('');
  saleChanged(null);
  focusScan();
}

// ─── hold and recall (F3) ──────────────────────────────────────────────────────────────────────

function holdOrRecall() {
  const s = status();
  if (s === 'OPEN' && state.sale.lines.length) {
    const id = state.sale.id;
    enqueue(async () => {
      try {
        await step({ key: 'what.hold' }, () => api('POST', `sales/${id}/hold`), {
          settled: async () => { const sale = await api('GET', `sales/${id}`); return sale.held ? sale : null; },
        });
        clearSale();
        saleChanged(null);
        say(t('held.done'), 'ok');
      } catch (error) {
        say(errorText(error), 'error');
      }
    });
    return;
  }
  if (!['NONE', 'OPEN'].includes(s)) { say(t('held.finishFirst'), 'error'); return; }
  openHeld();
}

async function openHeld() {
  state.held = [];
  state.heldSelected = -1;
  renderHeld();
  openDialog('held-dialog');
  $('held-dialog').querySelector('button[type="submit"]').focus();
  try {
    state.held = await api('GET', `sales?terminalId=${encodeURIComponent(session.terminalId)}&held=true`);
    state.heldSelected = state.held.length ? 0 : -1;
    renderHeld();
  } catch (error) {
    showError('held-error', error);
  }
}

function renderHeld() {
  fillTable($('held-list'), state.held, (sale, i) => el('tr', {
    class: i === state.heldSelected ? 'selected' : undefined, dataset: { saleId: sale.id },
    onclick: () => { state.heldSelected = i; renderHeld(); },
  }, [dateTime(sale.createdAt || sale.heldAt), (sale.lines || []).map((l) => `${l.name} ${l.model} ×${l.quantity}`).join('; ') || '—',
    { text: money(sale.total), num: true }].map(cell)));
}

$('held-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const sale = state.held[state.heldSelected];
  if (!sale) return;
  enqueue(async () => {
    try {
      // an empty sale opened here is given up rather than left open beside the recalled one
      if (state.sale && state.sale.status === 'OPEN' && !state.sale.lines.length) {
        await api('POST', `sales/${state.sale.id}/cancel`, {}).catch(() => {});
      }
      const recalled = await step({ key: 'what.recall' }, () => api('POST', `sales/${sale.id}/recall`), {
        settled: async () => { const s = await api('GET', `sales/${sale.id}`); return s.held ? null : s; },
      });
      closeDialog('held-dialog');
      clearSale();
      state.selected = recalled.lines.length - 1;
      saleChanged(recalled);
    } catch (error) {
      showError('held-error', error);
    }
  });
});

// ─── find a past sale, reprint its slip as a copy (F10) ─────────────────────────────────────────

function openFind() {
  state.found = [];
  state.foundSelected = -1;
  $('find-slip').value = '';
  // the store's business day (its zone, not this computer's): the shift's, else the sale's, else today here
  $('find-date').value = (state.shift && state.shift.businessDate) || (state.sale && state.sale.businessDate) || localToday();
  renderFound();
  openDialog('find-dialog', 'find-slip');
}

function renderFound() {
  fillTable($('find-results'), state.found, (sale, i) => el('tr', {
    class: i === state.foundSelected ? 'selected' : undefined, dataset: { saleId: sale.id },
    onclick: () => { state.foundSelected = i; renderFound(); },
  }, [sale.slipCode || '—', dateTime(sale.createdAt), t(`status.${sale.status}`), sale.cashier || '—', { text: money(sale.total), num: true }].map(cell)));
}

/** A slip number as typed (42) or scanned (S001-00000042): the code the store looks it up by. */
function slipCode(typed) {
  const value = typed.trim().toUpperCase();
  if (/^\d{1,8}$/.test(value) && state.storeId) return `${state.storeId}-${value.padStart(8, '0')}`;
  return value;
}

$('find-form').addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    if (!state.found.length) return;
    event.preventDefault();
    state.foundSelected = Math.max(0, Math.min(state.found.length - 1, state.foundSelected + (event.key === 'ArrowDown' ? 1 : -1)));
    renderFound();
  }
});

$('find-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('find-error', null);
  try {
    const typed = $('find-slip').value.trim();
    state.found = typed ? await api('GET', `sales?slip=${encodeURIComponent(slipCode(typed))}`)
      : await api('GET', `sales?date=${encodeURIComponent($('find-date').value || localToday())}`).then((sales) => sales.filter((sale) => sale.slipCode));
    state.foundSelected = state.found.length ? 0 : -1;
    renderFound();
    if (!state.found.length) showError('find-error', t('find.nothing'));
  } catch (error) {
    state.found = [];
    renderFound();
    showError('find-error', error);
  }
});

$('find-reprint').addEventListener('click', () => {
  const sale = state.found[state.foundSelected];
  if (!sale) { showError('find-error', t('find.selectFirst')); return; }
  showPrintable(`sales/${sale.id}/slip?copy=true`).catch((error) => showError('find-error', error));
});

// ─── no sale, X report ─────────────────────────────────────────────────────────────────────────

function openNoSale() {
  $('nosale-reason').value = '';
  $('nosale-result').hidden = true;
  openDialog('nosale-dialog', 'nosale-reason');
}

$('nosale-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const reason = $('nosale-reason').value.trim();
  if (!reason) { showError('nosale-error', t('nosale.reasonNeeded')); $('nosale-reason').focus(); return; }
  enqueue(async () => {
    try {
      // the store refuses a no-sale without an approval: the manager is asked first
      const approvalId = await askApproval('NO_SALE', '');
      if (!approvalId) return;
      const opened = await step({ key: 'what.noSale' }, () => api('POST', 'drawer/no-sale', { approvalId, reason }));
      $('nosale-result').textContent = t('nosale.opened', { at: dateTime(opened.openedAt) });
      $('nosale-result').hidden = false;
    } catch (error) {
      showError('nosale-error', error);
    }
  });
});

/** The X report of this terminal's open shift; without the expected cash, which the blind count at close must not see. */
async function openXReport() {
  $('xreport-body').replaceChildren();
  openDialog('xreport-dialog');
  $('xreport-dialog').querySelector('button[type="submit"]').focus();
  try {
    await findShift();
    if (!state.shift) throw new Error(t('xreport.noShift'));
    const r = await api('GET', `shifts/${state.shift.id}/report`);
    const rows = [
      ['xreport.openedAt', dateTime(r.openedAt)], ['xreport.float', money(r.openingFloat)],
      ['xreport.sales', t('xreport.tally', { count: r.sales.count, amount: money(r.sales.amount) })],
      ...r.byTender.map((tdr) => [`tender.${tdr.tender}`, t('xreport.tally', { count: tdr.count, amount: money(tdr.amount) })]),
      ['xreport.cashReceived', money(r.cashReceived)], ['xreport.changeGiven', money(r.changeGiven)],
      ['xreport.discounts', money(r.discounts)],
      ['xreport.voids', t('xreport.tally', { count: r.voids.count, amount: money(r.voids.amount) })],
      ['xreport.cancelled', t('xreport.tally', { count: r.cancelled.count, amount: money(r.cancelled.amount) })],
      ['xreport.rejected', t('xreport.tally', { count: r.rejectedNotes.count, amount: money(r.rejectedNotes.amount) })],
      ['xreport.noSales', String(r.noSales)], ['xreport.payIns', money(r.payIns)], ['xreport.payOuts', money(r.payOuts)],
      ['xreport.drops', money(r.drops)],
    ];
    $('xreport-body').replaceChildren(...rows.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)]));
  } catch (error) {
    showError('xreport-error', error);
  }
}

/** The terminal's electronic journal of today, with the check of its chain, to read or print. */
async function openJournal() {
  $('journal-entries').querySelector('tbody').replaceChildren();
  $('journal-verdict').textContent = '';
  showError('journal-error', null);
  openDialog('journal-dialog');
  $('journal-dialog').querySelector('button[type="submit"]').focus();
  try {
    const headers = { Accept: 'application/json', Authorization: `Bearer ${session.token}` };
    const [entries, verdict] = await Promise.all([terminalGet('api/terminal/journal', headers), terminalGet('api/terminal/journal/verify', headers)]);
    $('journal-verdict').dataset.ok = String(verdict.ok);
    $('journal-verdict').textContent = verdict.ok ? t('journal.intact', { count: verdict.entries })
      : t('journal.broken', { seq: verdict.firstBadSeq, reason: verdict.reason || '' });
    fillTable($('journal-entries'), entries, (e) => [String(e.seq), dateTime(e.at), tOr(`journal.type.${e.type}`, e.type),
      e.slipCode || e.returnNumber || e.provisionalSlip || e.saleId || e.reason || '',
      e.total ? money(e.total) : [e.tender ? tOr(`tender.${e.tender}`, e.tender) : '', e.amount ? money(e.amount) : ''].filter(Boolean).join(' ')]);
  } catch (error) {
    showError('journal-error', error);
  }
}

async function terminalGet(path, headers) {
  const response = await fetch(path, { headers });
  const text = await response.text();
  let data = null;
  try { data = JSON.parse(text); } catch (e) { data = text; }
  if (!response.ok) throw new ApiError(response.status, data && typeof data === 'object' ? data : null, problemMessage(response.status, data));
  return data;
}

$('journal-print').addEventListener('click', () => enqueue(async () => {
  try {
    const text = await terminalGet('api/terminal/journal/print', { Accept: 'text/plain', Authorization: `Bearer ${session.token}` });
    const pre = document.createElement('pre');
    pre.textContent = String(text);
    $('slip-frame').srcdoc = `<!DOCTYPE html><meta charset="UTF-8">${pre.outerHTML}`;
    closeDialog('journal-dialog');
    openDialog('slip-dialog', 'slip-print');
  } catch (error) {
    showError('journal-error', error);
  }
}));
$('journal-form').addEventListener('submit', (event) => { event.preventDefault(); closeDialog('journal-dialog'); });
$('xreport-form').addEventListener('submit', (event) => { event.preventDefault(); closeDialog('xreport-dialog'); });
$('help-form').addEventListener('submit', (event) => { event.preventDefault(); closeDialog('help-dialog'); });

function openHelp() {
  renderHelp();
  openDialog('help-dialog');
  $('help-dialog').querySelector('button[type="submit"]').focus();
}

// ─── the keyboard ──────────────────────────────────────────────────────────────────────────────

const FUNCTION_KEYS = {
  F1: openHelp, F2: openSearch, F3: holdOrRecall, F4: openReadback, F5: () => payWith(openCash), F6: () => payWith(() => openTender('card')),
  F7: () => payWith(() => openTender('check')), F8: () => payWith(() => openTender('mobile')), F9: completeOrNext, F10: openFind,
};
/** What the keys do in returns mode: the order's keys are off until the cashier is back at the order. */
const RETURN_KEYS = ['F1', 'KeyT', 'KeyG', 'KeyZ', 'KeyV', 'KeyJ', 'KeyX', 'KeyN'];
const ALT_KEYS = {
  KeyQ: () => openLineDialog('line-quantity'), KeyD: () => openLineDialog('line-discount'), KeyR: () => openLineDialog('line-price'), KeyO: openOrderDiscount,
  KeyS: openSlip, KeyI: openInvoice, KeyP: openPacking, KeyL: openDelivery, KeyN: openNoSale, KeyX: openXReport, KeyJ: openJournal,
  KeyV: () => openDevices(), KeyT: () => toggleReturns(),
  KeyG: () => switchLanguage(i18n.lang === 'zh-CN' ? 'en' : 'zh-CN'), KeyZ: logout,
};

document.addEventListener('keydown', (event) => {
  const atCounter = !!session.token && !!state.shift;
  const dialogOpen = openDialogs().length > 0;
  if (/^F([1-9]|1[0-2])$/.test(event.key)) {
    // the browser's own use of the function keys (help, find, reload, caret browsing, ...) is off
    event.preventDefault();
    if (event.key === 'F1' && !atCounter) { openHelp(); return; }
    if (!atCounter || dialogOpen) return;
    const action = FUNCTION_KEYS[event.key];
    if (action && returnsActive() && !RETURN_KEYS.includes(event.key)) { say(t('returns.keyOff'), 'error'); return; }
    if (action) { say(''); action(); }
    return;
  }
  if (event.altKey && !event.ctrlKey && !event.metaKey && ALT_KEYS[event.code]) {
    event.preventDefault();
    if (event.code === 'KeyG') { ALT_KEYS.KeyG(); return; }
    if (!atCounter || dialogOpen) return;
    if (returnsActive() && !RETURN_KEYS.includes(event.code)) { say(t('returns.keyOff'), 'error'); return; }
    say('');
    ALT_KEYS[event.code]();
    return;
  }
  if (!atCounter || dialogOpen) return;
  if (returnsActive()) {
    // arrows and Delete belong to the fields of the return; Esc goes back to the scan field
    if (event.key === 'Escape') {
      event.preventDefault();
      $('scan').focus();
    }
    return;
  }
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    selectLine(event.key === 'ArrowDown' ? 1 : -1);
    focusScan();
  } else if (event.key === 'Delete' && !$('scan').value) {
    event.preventDefault();
    voidSelectedLine();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    focusScan();
  }
}, true);

// whatever was clicked, the scan field takes the focus back when no dialog is open
document.addEventListener('click', (event) => {
  if (!event.target.closest('select, input, dialog')) setTimeout(focusScan, 0);
});

$('after-slip').addEventListener('click', openSlip);
$('after-invoice').addEventListener('click', openInvoice);
$('after-packing').addEventListener('click', openPacking);
$('after-delivery').addEventListener('click', openDelivery);
$('after-complete').addEventListener('click', completeOrNext);
$('next-customer').addEventListener('click', nextCustomer);
$('help-button').addEventListener('click', openHelp);
$('logout').addEventListener('click', logout);
$('lang').addEventListener('change', () => switchLanguage($('lang').value));

async function switchLanguage(lang) {
  try {
    await loadLanguage(lang);
  } catch (error) {
    say(error.message, 'error');
    return;
  }
  $('lang').value = i18n.lang;
  buildDenominations('float-denominations', 'float', renderFloat);
  renderKeysBar();
  render();
  renderStep();
  if ($('help-dialog').open) renderHelp();
  if (!$('login-view').hidden) $('login-staff').focus();
  else focusScan();
}

function renderFloat() {
  $('float-total').textContent = money(countedFen('float'));
}

/** The page's start: the bundle, this terminal's id and the store's pieces; a log-in typed meanwhile waits for it. */
const pageReady = (async function start() {
  try {
    await loadLanguage(preferredLanguage());
  } catch (error) {
    say(error.message, 'error');
  }
  $('lang').value = i18n.lang;
  try {
    const terminal = await (await fetch('api/terminal', { headers: { Accept: 'application/json' } })).json();
    session.terminalId = terminal.terminalId;
    if (typeof terminal.storeReachable === 'boolean') state.storeReachable = terminal.storeReachable;
  } catch (e) {
    say(t('error.terminal'), 'error');
  }
  try {
    const store = await api('GET', 'status', undefined, { timeout: 3000 });
    state.storeId = store.storeId || null;
    if (Array.isArray(store.denominations) && store.denominations.length) state.denominations = store.denominations;
  } catch (e) { /* the store answers later: the default pieces until then */ }
  buildDenominations('float-denominations', 'float', renderFloat);
  renderKeysBar();
  render();
  // a cashier who began typing while the page started keeps their place (the PIN field after Enter)
  if (!$('login-form').contains(document.activeElement)) $('login-staff').focus();
  setInterval(pollStore, POLL_MS);
}());
