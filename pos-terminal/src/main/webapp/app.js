// The counter page: log in, scan, confirm, take cash with 查·数·验·唱, complete.
// Every call goes to this terminal's /api/store/..., which passes it to the store server.
'use strict';

// the store's cash, largest first: the CNY default until the store's /api/status says which it counts in
let DENOMINATIONS = ['100', '50', '20', '10', '5', '1', '0.5', '0.1'];
const state = { token: null, staff: null, terminalId: null, sale: null, shift: null };
const $ = (id) => document.getElementById(id);

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const response = await fetch(`api/store/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(data && data.detail ? data.detail : `${response.status} ${response.statusText}`);
    error.problem = data;
    throw error;
  }
  return data;
}

function say(text, ok) {
  const m = $('message');
  m.textContent = text;
  m.className = ok ? 'message ok' : 'message';
  m.hidden = !text;
}

function cents(amount) {
  return Math.round(Number(amount) * 100);
}

function formatCents(value) {
  return (value / 100).toFixed(2);
}

function render() {
  const sale = state.sale;
  $('login-view').hidden = !!state.token;
  $('shift-view').hidden = !state.token || !!state.shift;
  $('sale-view').hidden = !state.token || !state.shift;
  $('who').hidden = !state.token;
  if (!state.token) return;
  $('who-name').textContent = `${state.staff.name} (${state.staff.code})`;
  $('who-terminal').textContent = state.terminalId;
  $('sale-status').textContent = sale ? sale.status : '';
  $('slip').textContent = sale && sale.slipNumber ? `小票 Slip No. ${sale.slipNumber}` : '';
  const body = $('lines').querySelector('tbody');
  body.replaceChildren(...(sale ? sale.lines : []).map((l) => {
    const tr = document.createElement('tr');
    for (const [text, cls] of [[l.lineNo], [`${l.brand} ${l.name} ${l.model}`], [l.spec], [l.colour], [l.unitPrice, 'num'], [`${l.quantity} ${l.unit}`, 'num'], [l.amount, 'num']]) {
      const td = document.createElement('td');
      td.textContent = text;
      if (cls) td.className = cls;
      tr.append(td);
    }
    return tr;
  }));
  $('total').textContent = sale ? sale.total : '0.00';
  $('due').textContent = sale ? sale.due : '0.00';
  const status = sale ? sale.status : 'NONE';
  $('scan-form').hidden = !['NONE', 'OPEN'].includes(status);
  $('confirm').disabled = !(sale && sale.status === 'OPEN' && sale.lines.length > 0);
  $('confirm').hidden = !['NONE', 'OPEN'].includes(status);
  $('cash-form').hidden = status !== 'CONFIRMED';
  $('complete').hidden = !['PAID', 'PACKED'].includes(status);
  $('new-sale').hidden = status !== 'COMPLETED';
}

function countedTotal(prefix) {
  let total = 0;
  for (const d of DENOMINATIONS) total += cents(d) * (Number($(`${prefix}-${d}`).value) || 0);
  return total;
}

function renderReceived() {
  $('received').textContent = formatCents(countedTotal('count'));
}

function renderFloat() {
  $('float-total').textContent = formatCents(countedTotal('float'));
}

function percent(rate) {
  return rate == null ? '—' : `${(Number(rate) * 100).toFixed(1)}%`;
}

function yuan(amount) {
  return amount == null ? '—' : `¥${amount}`;
}

/** 目标公示: this month's store target and each person's progress, as the store reports them. */
async function loadBoard() {
  const board = await call('GET', 'targets/board');
  $('board-month').textContent = board.month;
  $('board-store').textContent = board.amount == null
    ? `本月未设目标 No target set · 销售 Sales ${yuan(board.sales)}`
    : `门店目标 Store target ${yuan(board.amount)} · 销售 Sales ${yuan(board.sales)} · 完成 ${percent(board.attainment)}`;
  $('board-staff').querySelector('tbody').replaceChildren(...board.staff.map((s) => {
    const tr = document.createElement('tr');
    for (const [text, cls] of [[`${s.name} (${s.staffCode})`], [yuan(s.target), 'num'], [yuan(s.sales), 'num'], [percent(s.attainment), 'num']]) {
      const td = document.createElement('td');
      td.textContent = text;
      if (cls) td.className = cls;
      tr.append(td);
    }
    return tr;
  }));
  $('board').hidden = false;
}

/** The board is a courtesy: a store that cannot answer it does not stop the counter. */
async function refreshBoard() {
  try { await loadBoard(); } catch (e) { $('board').hidden = true; }
}

/** The terminal's open shift, if any: sales need one. */
async function findShift() {
  const open = await call('GET', `shifts?status=OPEN&terminalId=${encodeURIComponent(state.terminalId)}`);
  state.shift = open.length ? open[0] : null;
}

async function ensureSale() {
  if (!state.sale) {
    state.sale = await call('POST', 'sales', { id: uuid(), terminalId: state.terminalId });
  }
  return state.sale;
}

async function guarded(action) {
  try {
    say('');
    await action();
  } catch (e) {
    say(e.message);
    // the shift was closed (by a manager, at another screen): count a new float before selling on
    if (e.problem && typeof e.problem.type === 'string' && e.problem.type.endsWith(':no-open-shift')) {
      state.shift = null;
      state.sale = null;
    }
  }
  render();
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(async () => {
    const login = await call('POST', 'sessions', { terminalId: state.terminalId, staffCode: $('staff-code').value.trim(), pin: $('pin').value });
    state.token = login.token;
    state.staff = login.staff;
    $('pin').value = '';
    await findShift();
    setTimeout(() => (state.shift ? $('barcode') : $('float-100')).focus(), 0);
    refreshBoard();
  });
});

$('shift-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(async () => {
    const float = DENOMINATIONS.map((d) => ({ denomination: d, count: Number($(`float-${d}`).value) || 0 })).filter((c) => c.count > 0);
    state.shift = await call('POST', 'shifts', { id: uuid(), terminalId: state.terminalId, float });
    say(`已开班，备用金 ¥${state.shift.openingFloat} Shift opened`, true);
    setTimeout(() => $('barcode').focus(), 0);
  });
});

$('logout').addEventListener('click', () => guarded(async () => {
  try { await call('DELETE', 'sessions/current'); } finally { state.token = null; state.sale = null; state.shift = null; $('board').hidden = true; }
}));

$('scan-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(async () => {
    const sale = await ensureSale();
    state.sale = await call('POST', `sales/${sale.id}/lines`, { id: uuid(), barcode: $('barcode').value.trim(), quantity: $('quantity').value.trim() });
    $('barcode').value = '';
    $('quantity').value = '1';
    $('barcode').focus();
  });
});

$('confirm').addEventListener('click', () => guarded(async () => {
  state.sale = await call('POST', `sales/${state.sale.id}/confirm`);
  $('amount-due').value = '';
  for (const d of DENOMINATIONS) $(`count-${d}`).value = '';
  renderReceived();
  $('announcement').hidden = true;
  setTimeout(() => $('amount-due').focus(), 0);
}));

$('cash-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(async () => {
    const counted = DENOMINATIONS.map((d) => ({ denomination: d, count: Number($(`count-${d}`).value) || 0 })).filter((c) => c.count > 0);
    const result = await call('POST', `sales/${state.sale.id}/payments`, { id: uuid(), tender: 'CASH', amountDue: $('amount-due').value.trim(), counted });
    state.sale = result.sale;
    const pieces = result.changeBreakdown.map((p) => `${p.denomination}×${p.count}`).join('  ');
    $('announcement').textContent = pieces ? `${result.announcement}（${pieces}）` : result.announcement;
    $('announcement').hidden = false;
  });
});

$('complete').addEventListener('click', () => guarded(async () => {
  state.sale = await call('POST', `sales/${state.sale.id}/complete`);
  say('交易完成，谢谢惠顾 Sale completed — thank you', true);
  refreshBoard();
}));

$('new-sale').addEventListener('click', () => guarded(async () => {
  state.sale = null;
  $('announcement').hidden = true;
  say('');
  setTimeout(() => $('barcode').focus(), 0);
}));

function buildDenominations(container, prefix, onInput) {
  $(container).replaceChildren(...DENOMINATIONS.map((d) => {
    const label = document.createElement('label');
    label.textContent = `¥${d} ×`;
    const input = document.createElement('input');
    input.id = `${prefix}-${d}`;
    input.inputMode = 'numeric';
    input.size = 3;
    input.addEventListener('input', onInput);
    label.append(input);
    return label;
  }));
}

(async function start() {
  try {
    const terminal = await (await fetch('api/terminal')).json();
    state.terminalId = terminal.terminalId;
  } catch (e) {
    say('终端未就绪 The terminal service is not answering');
  }
  try {
    const store = await call('GET', 'status');
    if (Array.isArray(store.denominations) && store.denominations.length) DENOMINATIONS = store.denominations;
  } catch (e) { /* the store answers later: the default pieces until then */ }
  buildDenominations('denominations', 'count', renderReceived);
  buildDenominations('float-denominations', 'float', renderFloat);
  render();
})();
