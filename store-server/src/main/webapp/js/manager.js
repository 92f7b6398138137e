// The store manager's back office: approvals and checks, shifts and their blind close, the
// day/week/month reports with charts, the month's target and its split, the audit log.
'use strict';

// The drawer's pieces of the store's currency, largest first (guitai.cash.denominations): the CNY
// default until /api/status has said which the store counts in.
let DENOMINATIONS = ['100', '50', '20', '10', '5', '1', '0.5', '0.1'];
const SECTIONS = ['approvals', 'shifts', 'reports', 'targets', 'audit'];
const PALETTE = ['#2563eb', '#0d9488', '#f59e0b', '#db2777', '#7c3aed', '#16a34a', '#ea580c', '#0891b2', '#64748b', '#b91c1c'];

const state = {
  today: null,
  section: null,
  store: null,
  staff: [],
  names: {},
  approvals: null,
  checks: null,
  refused: null,
  returns: null,
  openShifts: null,
  closedShifts: null,
  panel: { mode: 'empty', shift: null, report: null, movements: null },
  report: { period: 'day', view: null, path: null },
  targets: { month: null, board: null },
  audit: { entries: null },
};

// ─── session ─────────────────────────────────────────────────────────────────────────────────────

function saveSession() {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: session.token, staff: session.staff, terminalId: session.terminalId }));
  } catch (e) { /* no storage: a reload logs out */ }
}

function forgetSession() {
  session.token = null;
  session.staff = null;
  session.terminalId = null;
  try { sessionStorage.removeItem(SESSION_KEY); } catch (e) { /* nothing kept */ }
  // the next one to log in at this screen sees nothing of the last one's work
  Object.assign(state, {
    approvals: null, checks: null, refused: null, returns: null, openShifts: null, closedShifts: null,
    panel: { mode: 'empty', shift: null, report: null, movements: null },
    report: { period: 'day', view: null, path: null }, targets: { month: null, board: null }, audit: { entries: null },
  });
  renderPanel();
}

function showLogin(errorText) {
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  $('app').hidden = true;
  $('who').hidden = true;
  $('login-view').hidden = false;
  $('login-pin').value = '';
  $('login-error').textContent = errorText || '';
  $('login-error').hidden = !errorText;
  ($('login-staff').value ? $('login-pin') : $('login-staff')).focus();
}

async function login(event) {
  event.preventDefault();
  const staffCode = $('login-staff').value.trim().toUpperCase();
  const pin = $('login-pin').value;
  const terminalId = $('login-terminal').value.trim().toUpperCase();
  if (!staffCode || !pin || !terminalId) {
    showLogin(t('login.missing'));
    return;
  }
  $('login-submit').disabled = true;
  try {
    const opened = await api('POST', 'sessions', { terminalId, staffCode, pin });
    session.token = opened.token;
    session.staff = opened.staff;
    session.terminalId = opened.terminalId || terminalId;
    if (!(opened.staff.roles || []).includes('STORE_MANAGER')) {
      await api('DELETE', 'sessions/current').catch(() => {});
      forgetSession();
      showLogin(t('login.notManager'));
      return;
    }
    saveSession();
    await enterApp();
  } catch (error) {
    forgetSession();
    showLogin(error.message);
  } finally {
    $('login-submit').disabled = false;
  }
}

async function logout() {
  await api('DELETE', 'sessions/current').catch(() => {});
  forgetSession();
  say('', 'info');
  showLogin('');
}

async function enterApp() {
  $('login-view').hidden = true;
  $('app').hidden = false;
  $('who').hidden = false;
  renderWho();
  // the store's business day, in the store's zone: today's report answers it
  try {
    const day = await api('GET', 'reports/daily');
    state.today = day.date;
    state.report = { period: 'day', view: day, path: `reports/daily?date=${day.date}` };
  } catch (error) {
    state.today = localToday();
  }
  for (const id of ['approvals-date', 'closed-date', 'audit-date', 'report-date']) $(id).value = state.today;
  $('report-month').value = state.today.substring(0, 7);
  $('target-month').value = state.today.substring(0, 7);
  await loadStaff();
  const wanted = location.hash.substring(1);
  await showSection(SECTIONS.includes(wanted) ? wanted : 'approvals');
}

function renderWho() {
  if (!session.staff) return;
  $('who-name').textContent = t('app.who', { name: session.staff.name, code: session.staff.code });
  $('who-terminal').textContent = t('app.terminal', { terminal: session.terminalId });
}

async function loadStaff() {
  try {
    state.staff = await api('GET', 'staff');
    state.names = Object.fromEntries(state.staff.map((m) => [m.code, m.name]));
  } catch (error) {
    sayError(error);
  }
}

async function loadStore() {
  try {
    state.store = await api('GET', 'status');
    if (Array.isArray(state.store.denominations) && state.store.denominations.length) DENOMINATIONS = state.store.denominations;
    $('store-name').textContent = t('app.store', { name: state.store.storeName, id: state.store.storeId });
  } catch (e) { /* the page works without the store's name */ }
}

// ─── sections ────────────────────────────────────────────────────────────────────────────────────

const loaders = {
  approvals: loadApprovals,
  shifts: loadShifts,
  reports: loadReport,
  targets: loadTargets,
  audit: loadAudit,
};

async function showSection(name) {
  state.section = name;
  for (const s of SECTIONS) {
    $(`section-${s}`).hidden = s !== name;
    $(`nav-${s}`).classList.toggle('active', s === name);
    $(`nav-${s}`).setAttribute('aria-current', s === name ? 'page' : 'false');
  }
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
  try {
    await loaders[name]();
  } catch (error) {
    sayError(error);
  }
}

function rerender() {
  renderWho();
  if (state.store) $('store-name').textContent = t('app.store', { name: state.store.storeName, id: state.store.storeId });
  if (state.approvals) renderApprovals();
  if (state.checks) renderChecks();
  if (state.refused) renderRefused();
  if (state.returns) renderReturns();
  if (state.openShifts) renderShiftLists();
  renderPanel();
  if (state.report.view) renderReport();
  if (state.targets.board) renderTargets();
  fillEventFilter();
  if (state.audit.entries) renderAudit();
}

// ─── 1. approvals and the check-clearance queue ───────────────────────────────────────────────────

async function loadApprovals() {
  const date = $('approvals-date').value || state.today;
  const [approvals, checks, refused, returns] = await Promise.all([api('GET', `approvals?date=${date}`), api('GET', 'checks?status=PENDING'),
    api('GET', 'refused-sales'), loadReturns()]);
  state.approvals = approvals;
  state.checks = checks;
  state.refused = refused;
  state.returns = returns;
  renderApprovals();
  renderChecks();
  renderRefused();
  renderReturns();
}

/** The returns still under way (to approve, receive or refund), and those past their refund deadline. */
const RETURNS_UNDER_WAY = ['REQUESTED', 'APPROVED', 'RECEIVED', 'PARTLY_REFUNDED'];

async function loadReturns() {
  const [overdue, ...byStatus] = await Promise.all([api('GET', 'returns?overdue=true'),
    ...RETURNS_UNDER_WAY.map((s) => api('GET', `returns?status=${s}`))]);
  const pending = byStatus.flat().sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  return { overdue, pending };
}

function renderReturns() {
  const { overdue, pending } = state.returns;
  $('returns-overdue-count').hidden = !overdue.length;
  $('returns-overdue-count').textContent = t('returns.overdueCount', { count: overdue.length });
  const status = (r) => el('span', { class: 'badge', dataset: { status: r.status } }, tOr(`returnStatus.${r.status}`, r.status));
  const deadline = (r) => (r.refundDeadline ? { text: r.refundDeadline, cls: r.overdue ? 'overdue-text' : '' } : '—');
  const where = (r) => [r.terminalId, r.cashierCode ? staffLabel(r.cashierCode, state.names) : ''].filter(Boolean).join(' · ');
  fillTable($('overdue-returns-table'), overdue, (r) => el('tr', { class: 'overdue', id: `overdue-return-${r.id}`, dataset: { returnId: r.id } },
    cell(el('strong', {}, r.number || shortId(r.id))), cell(r.slipNumber || '—'), cell(status(r)), cell(r.receivedAt ? shortDateTime(r.receivedAt) : '—'),
    cell(deadline(r)), cell({ text: money(r.due), num: true }), cell(where(r))));
  fillTable($('returns-table'), pending, (r) => el('tr', { class: r.overdue ? 'overdue' : undefined, id: `return-${r.id}`, dataset: { returnId: r.id } },
    cell(el('strong', {}, r.number || shortId(r.id))), cell(shortDateTime(r.createdAt)), cell(r.slipNumber || '—'), cell(status(r)),
    cell(tOr(`reason.${r.reason}`, r.reason || '—')), cell({ text: money(r.amount), num: true }), cell({ text: money(r.due), num: true }),
    cell(deadline(r)), cell(where(r))));
}

/** Sales a terminal made that the store refused when they were sent: kept there, settled here with a note. */
function renderRefused() {
  fillTable($('refused-table'), state.refused, (r) => el('tr', { dataset: { saleId: r.saleId } },
    cell(shortDateTime(r.refusedAt)), cell(r.terminalId), cell(staffLabel(r.cashierCode, state.names)),
    cell({ text: shortId(r.saleId), title: r.saleId }), cell({ text: r.reason, title: r.problemType }),
    el('td', {}, el('input', { id: `refused-note-${r.saleId}`, type: 'text', maxlength: 500, placeholder: t('refused.notePlaceholder') })),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', class: 'small ok', id: `refused-resolve-${r.saleId}`, onclick: () => resolveRefused(r) }, t('refused.resolve')))));
}

async function resolveRefused(refused) {
  const note = $(`refused-note-${refused.saleId}`).value.trim();
  if (!note) {
    say(t('refused.noteNeeded'), 'error');
    $(`refused-note-${refused.saleId}`).focus();
    return;
  }
  try {
    await api('POST', `refused-sales/${refused.saleId}/resolve`, { note });
    say(t('refused.done', { sale: shortId(refused.saleId) }), 'ok');
    await loadApprovals();
  } catch (error) {
    sayError(error);
  }
}

function renderApprovals() {
  fillTable($('approvals-table'), state.approvals, (a) => {
    let used;
    if (a.usedAt) used = { text: time(a.usedAt), cls: 'ok-text' };
    else if (a.expiresAt && new Date(a.expiresAt) < new Date()) used = { text: t('approvals.expired'), cls: 'muted' };
    else used = { text: t('approvals.unused'), cls: 'warn-text' };
    let subject = '—';
    if (a.saleId) subject = t('approvals.sale', { id: shortId(a.saleId) });
    else if (a.shiftId) subject = t('approvals.shift', { id: shortId(a.shiftId) });
    else if (a.returnId) subject = t('approvals.return', { id: shortId(a.returnId) });
    return el('tr', { dataset: { approvalId: a.approvalId } },
      cell(time(a.createdAt)), cell(el('span', { class: 'badge' }, tOr(`action.${a.action}`, a.action))),
      cell(staffLabel(a.requestedBy, state.names)), cell(staffLabel(a.approvedBy, state.names)), cell(a.terminalId),
      cell({ text: subject, title: a.saleId || a.shiftId || a.returnId }), cell(used));
  });
}

function renderChecks() {
  fillTable($('checks-table'), state.checks, (c) => el('tr', { dataset: { paymentId: c.paymentId } },
    cell(shortDateTime(c.takenAt)), cell(c.slipNumber === undefined ? '—' : String(c.slipNumber)), cell(c.checkNumber), cell(c.bank),
    cell({ text: money(c.amount), num: true }),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', class: 'small ok', id: `check-cleared-${c.paymentId}`, onclick: () => decideCheck(c, 'CLEARED') }, t('checks.cleared')),
      el('button', { type: 'button', class: 'small danger', id: `check-bounced-${c.paymentId}`, onclick: () => decideCheck(c, 'BOUNCED') }, t('checks.bounced')))));
}

async function decideCheck(check, outcome) {
  const cleared = outcome === 'CLEARED';
  const yes = await confirmDialog(cleared ? t('checks.confirmCleared') : t('checks.confirmBounced'),
    t('checks.confirmText', { check: check.checkNumber, bank: check.bank, amount: money(check.amount) }));
  if (!yes) return;
  try {
    await api('POST', `sales/${check.saleId}/payments/${check.paymentId}/clearance`, { outcome });
    say(cleared ? t('checks.doneCleared', { check: check.checkNumber }) : t('checks.doneBounced', { check: check.checkNumber }), 'ok');
    await loadApprovals();
  } catch (error) {
    sayError(error);
  }
}

// ─── 2. shifts ───────────────────────────────────────────────────────────────────────────────────

async function loadShifts() {
  const date = $('closed-date').value || state.today;
  const [open, closed] = await Promise.all([api('GET', 'shifts?status=OPEN'), api('GET', `shifts?status=CLOSED&date=${date}`)]);
  state.openShifts = open;
  state.closedShifts = closed;
  renderShiftLists();
}

function renderShiftLists() {
  const selected = state.panel.shift ? state.panel.shift.id : null;
  fillTable($('open-shifts-table'), state.openShifts, (s) => el('tr', { id: `shift-${s.id}`, class: s.id === selected ? 'selected' : undefined, dataset: { shiftId: s.id } },
    cell(el('strong', {}, s.terminalId)), cell(staffLabel(s.openedBy, state.names)), cell(shortDateTime(s.openedAt)),
    cell({ text: money(s.openingFloat), num: true }),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', class: 'small x-report', id: `x-report-${s.id}`, onclick: () => showShiftReport(s) }, t('shifts.xReport')),
      el('button', { type: 'button', class: 'small cash-movement', id: `movement-${s.id}`, onclick: () => openMovement(s) }, t('shifts.cash')),
      el('button', { type: 'button', class: 'small primary close-shift', id: `close-shift-${s.id}`, onclick: () => openClose(s) }, t('shifts.close')))));
  fillTable($('closed-shifts-table'), state.closedShifts, (s) => el('tr', { id: `shift-${s.id}`, class: s.id === selected ? 'selected' : undefined, dataset: { shiftId: s.id } },
    cell(el('strong', {}, s.terminalId)), cell(staffLabel(s.openedBy, state.names)), cell(shortDateTime(s.openedAt)), cell(shortDateTime(s.closedAt)),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', class: 'small z-report', id: `z-report-${s.id}`, onclick: () => showShiftReport(s) }, t('shifts.zReport')))));
}

function levelBadge(level) {
  return el('span', { class: `badge level level-${level}`, dataset: { level } }, tOr(`level.${level}`, level));
}

function setPanel(mode, shift) {
  state.panel = { mode, shift, report: null, movements: null };
  renderPanel();
  for (const row of document.querySelectorAll('#open-shifts-table tr, #closed-shifts-table tr')) {
    row.classList.toggle('selected', !!shift && row.dataset.shiftId === shift.id);
  }
}

function renderPanel() {
  const { mode, shift } = state.panel;
  if ($('shift-panel').dataset.mode !== mode) $('shift-panel').scrollTop = 0;
  $('shift-panel').dataset.mode = mode;
  $('shift-panel-empty').hidden = mode !== 'empty';
  $('close-panel').hidden = mode !== 'close';
  $('movement-panel').hidden = mode !== 'movement';
  $('shift-report').hidden = mode !== 'report' || !state.panel.report;
  const info = shift ? t('shifts.info', { terminal: shift.terminalId, cashier: staffLabel(shift.openedBy, state.names), date: shift.businessDate }) : '';
  $('close-shift-info').textContent = info;
  $('movement-shift-info').textContent = info;
  if (mode === 'close') updateCountTotal();
  if (mode === 'movement') renderMovements();
  if (mode === 'report' && state.panel.report) renderShiftReport(state.panel.report);
}

// the blind count

function buildCountTable() {
  $('count-table').tBodies[0].replaceChildren(...DENOMINATIONS.map((d) => {
    const key = d.replace('.', '_');
    return el('tr', {},
      el('th', { scope: 'row' }, el('label', { for: `count-${key}` }, money(d))),
      el('td', {}, el('input', { id: `count-${key}`, class: 'count-input', inputmode: 'numeric', maxlength: '5', autocomplete: 'off', dataset: { denomination: d }, oninput: updateCountTotal })),
      el('td', { class: 'num', id: `count-subtotal-${key}` }, money('0')));
  }));
}

/** The pieces counted, or null (and the field marked) when a count is not a whole number. */
function countedPieces() {
  const pieces = [];
  let valid = true;
  for (const input of document.querySelectorAll('#count-table .count-input')) {
    const text = input.value.trim();
    const ok = text === '' || /^\d{1,5}$/.test(text);
    input.classList.toggle('invalid', !ok);
    if (!ok) valid = false;
    else if (text !== '' && Number(text) > 0) pieces.push({ denomination: input.dataset.denomination, count: Number(text) });
  }
  return valid ? pieces : null;
}

function updateCountTotal() {
  let total = 0n;
  for (const input of document.querySelectorAll('#count-table .count-input')) {
    const text = input.value.trim();
    const count = /^\d{1,5}$/.test(text) ? BigInt(text) : 0n;
    const subtotal = toFen(input.dataset.denomination) * count;
    total += subtotal;
    $(`count-subtotal-${input.dataset.denomination.replace('.', '_')}`).textContent = money(subtotal);
  }
  $('count-total').textContent = money(total);
}

function openClose(shift) {
  setPanel('close', shift);
  for (const input of document.querySelectorAll('#count-table .count-input')) {
    input.value = '';
    input.classList.remove('invalid');
  }
  updateCountTotal();
  document.querySelector('#count-table .count-input').focus();
}

async function submitClose(event) {
  event.preventDefault();
  const shift = state.panel.shift;
  const counted = countedPieces();
  if (!shift) return;
  if (!counted) {
    say(t('close.badCount'), 'error');
    return;
  }
  $('close-submit').disabled = true;
  try {
    const report = await withApproval('CASH_DIFFERENCE', { shiftId: shift.id },
      (approvalId) => api('POST', `shifts/${shift.id}/close`, approvalId ? { counted, approvalId } : { counted }));
    if (!report) {
      say(t('close.notClosed'), 'info');
      return;
    }
    state.panel = { mode: 'report', shift, report, movements: null };
    renderPanel();
    say(t('close.done', { terminal: shift.terminalId }), 'ok');
    await loadShifts();
  } catch (error) {
    sayError(error);
  } finally {
    $('close-submit').disabled = false;
  }
}

// cash movements

async function openMovement(shift) {
  setPanel('movement', shift);
  $('movement-type').value = 'DROP';
  $('movement-amount').value = '';
  $('movement-reason').value = '';
  $('movement-amount').focus();
  await loadMovements(shift);
}

async function loadMovements(shift) {
  try {
    const movements = await api('GET', `shifts/${shift.id}/cash-movements`);
    if (state.panel.shift === shift) {
      state.panel.movements = movements;
      renderMovements();
    }
  } catch (error) {
    sayError(error);
  }
}

function renderMovements() {
  fillTable($('movements-table'), state.panel.movements || [], (m) => [time(m.at), tOr(`movement.${m.type}`, m.type), { text: money(m.amount), num: true },
    m.reason, m.approvedBy ? t('movement.approvedBy', { by: staffLabel(m.staffCode, state.names), manager: m.approvedBy }) : staffLabel(m.staffCode, state.names)]);
}

async function submitMovement(event) {
  event.preventDefault();
  const shift = state.panel.shift;
  const fen = toFen($('movement-amount').value);
  const reason = $('movement-reason').value.trim();
  if (fen === null || fen <= 0n) {
    say(t('movement.badAmount'), 'error');
    $('movement-amount').focus();
    return;
  }
  if (!reason) {
    say(t('movement.noReason'), 'error');
    $('movement-reason').focus();
    return;
  }
  const body = { id: uuid(), type: $('movement-type').value, amount: fenToDecimal(fen), reason };
  $('movement-submit').disabled = true;
  try {
    const moved = await withApproval('CASH_MOVEMENT', { shiftId: shift.id },
      (approvalId) => api('POST', `shifts/${shift.id}/cash-movements`, approvalId ? { ...body, approvalId } : body));
    if (!moved) return;
    say(t('movement.done', { type: tOr(`movement.${moved.type}`, moved.type), amount: money(moved.amount) }), 'ok');
    $('movement-amount').value = '';
    $('movement-reason').value = '';
    await loadMovements(shift);
  } catch (error) {
    sayError(error);
  } finally {
    $('movement-submit').disabled = false;
  }
}

// the X and Z reports

async function showShiftReport(shift) {
  setPanel('report', shift);
  try {
    const report = await api('GET', `shifts/${shift.id}/report`);
    if (state.panel.shift === shift) {
      state.panel.report = report;
      renderPanel();
    }
  } catch (error) {
    sayError(error);
  }
}

function kpi(labelKey, id, content, cls) {
  return el('div', { class: `kpi ${cls || ''}`.trim() }, el('span', {}, t(labelKey)), el('strong', { id }, content));
}

function renderShiftReport(r) {
  const z = r.kind === 'Z';
  $('shift-report').dataset.kind = r.kind;
  $('shift-report-title').textContent = z ? t('report.z') : t('report.x');
  $('shift-report-info').textContent = [
    t('shifts.info', { terminal: r.terminalId, cashier: staffLabel(r.cashierCode, state.names), date: r.businessDate }),
    t('report.opened', { at: dateTime(r.openedAt) }),
    z ? t('report.closed', { at: dateTime(r.closedAt), by: staffLabel(r.closedBy, state.names) }) : t('report.asOf', { at: dateTime(new Date().toISOString()) }),
  ].join(' · ');
  const differenceFen = toFen(r.difference);
  $('shift-report-cash').replaceChildren(...(z ? [
    kpi('report.counted', 'sr-countedCash', money(r.countedCash)),
    kpi('report.expected', 'sr-expectedCash', money(r.expectedCash)),
    kpi('report.difference', 'sr-difference', signedMoney(r.difference), differenceFen === null || differenceFen === 0n ? '' : differenceFen < 0n ? 'short' : 'over'),
    el('div', { class: 'kpi' }, el('span', {}, t('report.errorLevel')), el('strong', { id: 'sr-errorLevel', dataset: { level: r.errorLevel } }, levelBadge(r.errorLevel))),
  ] : [
    kpi('report.float', 'sr-openingFloat', money(r.openingFloat)),
    kpi('report.cashReceived', 'sr-cashReceived', money(r.cashReceived)),
    kpi('report.expected', 'sr-expectedCash', money(r.expectedCash)),
  ]));

  const figures = (rows) => el('table', { class: 'data compact' }, el('tbody', {}, rows.map(([key, id, count, amount]) => el('tr', {},
    el('th', { scope: 'row' }, t(key)), el('td', { class: 'num', id: `sr-${id}-count` }, count === null ? '' : String(count)),
    el('td', { class: 'num', id: `sr-${id}` }, amount)))));
  const tally = (x) => (x ? [x.count, money(x.amount)] : [0, money('0')]);
  const parts = [
    el('h3', {}, t('report.byTender')),
    el('table', { class: 'data compact', id: 'sr-tenders' },
      el('thead', {}, el('tr', {}, el('th', {}, t('reports.col.tender')), el('th', { class: 'num' }, t('reports.col.count')),
        el('th', { class: 'num' }, t('report.sales')), el('th', { class: 'num' }, t('report.refunds')))),
      el('tbody', {}, (r.byTender || []).map((x) => el('tr', { dataset: { tender: x.tender } }, el('td', {}, tOr(`tender.${x.tender}`, x.tender)),
        el('td', { class: 'num' }, String(x.count)), el('td', { class: 'num' }, money(x.amount)), el('td', { class: 'num' }, money(x.refunds)))))),
    el('div', { class: 'grid-2 tight' },
      el('div', {}, el('h3', {}, t('report.figures')), figures([
        ['report.sales', 'sales', ...tally(r.sales)],
        ['report.discounts', 'discounts', null, money(r.discounts)],
        ['report.voids', 'voids', ...tally(r.voids)],
        ['report.cancelled', 'cancelled', ...tally(r.cancelled)],
        ['report.rejectedNotes', 'rejectedNotes', ...tally(r.rejectedNotes)],
        ['report.cashWaived', 'cashWaived', null, money(r.cashWaived)],
        ['report.noSales', 'noSales', r.noSales || 0, ''],
      ])),
      el('div', {}, el('h3', {}, t('report.cash')), figures([
        ['report.float', 'float', null, money(r.openingFloat)],
        ['report.cashReceived', 'received', null, money(r.cashReceived)],
        ['report.changeGiven', 'change', null, money(r.changeGiven)],
        ['report.cashRefunds', 'cashRefunds', null, money(r.cashRefunds)],
        ['report.payIns', 'payIns', null, money(r.payIns)],
        ['report.payOuts', 'payOuts', null, money(r.payOuts)],
        ['report.drops', 'drops', null, money(r.drops)],
        ['report.expected', 'expected', null, money(r.expectedCash)],
        ...(z ? [['report.counted', 'counted', null, money(r.countedCash)], ['report.difference', 'diff', null, signedMoney(r.difference)]] : []),
      ]))),
  ];
  if (z && r.counted && r.counted.length) {
    parts.push(el('h3', {}, t('report.countedPieces')),
      el('p', { class: 'pieces' }, r.counted.map((p) => el('span', { class: 'chip' }, t('report.piece', { denomination: money(p.denomination), count: p.count })))));
  }
  if (r.movements && r.movements.length) {
    parts.push(el('h3', {}, t('movement.list')), el('table', { class: 'data compact' }, el('tbody', {}, r.movements.map((m) => el('tr', {},
      el('td', {}, time(m.at)), el('td', {}, tOr(`movement.${m.type}`, m.type)), el('td', { class: 'num' }, money(m.amount)), el('td', {}, m.reason))))));
  }
  if (z) {
    parts.push(el('p', { class: 'muted signoff' }, t('report.signoff', {
      closedBy: staffLabel(r.closedBy, state.names),
      approvedBy: r.approvedBy ? staffLabel(r.approvedBy, state.names) : t('report.noApproval'),
    })));
  }
  $('shift-report-body').replaceChildren(...parts);
}

function printShiftReport() {
  document.body.classList.add('print-shift-report');
  window.print();
  document.body.classList.remove('print-shift-report');
}

// ─── 3. reports ──────────────────────────────────────────────────────────────────────────────────

function setPeriod(period) {
  state.report.period = period;
  for (const p of ['day', 'week', 'month']) $(`period-${p}`).classList.toggle('active', p === period);
  $('report-date').hidden = period === 'month';
  $('report-month').hidden = period !== 'month';
  $('day-close').hidden = period !== 'day';
}

function reportPath() {
  const date = $('report-date').value || state.today;
  switch (state.report.period) {
    case 'week': return `reports/weekly?date=${date}`;
    case 'month': return `reports/monthly?month=${$('report-month').value || state.today.substring(0, 7)}`;
    default: return `reports/daily?date=${date}`;
  }
}

async function loadReport() {
  const path = reportPath();
  const view = await api('GET', path);
  state.report.view = view;
  state.report.path = path;
  renderReport();
}

function chartOf(id, config) {
  const canvas = $(id);
  if (!window.Chart) {
    canvas.parentElement.dataset.unavailable = t('reports.noCharts');
    return null;
  }
  const old = Chart.getChart(canvas);
  if (old) old.destroy();
  return new Chart(canvas, config);
}

function moneyAxis() {
  return { beginAtZero: true, ticks: { callback: (value) => `¥${Number(value).toLocaleString(i18n.lang)}` } };
}

/** Chart.js options for money bars whose tooltips show the server's own decimal strings. */
function moneyChart(labels, amounts, label, options) {
  const { horizontal, color } = options || {};
  return {
    type: 'bar',
    data: { labels, datasets: [{ label, data: amounts.map((a) => Number(a)), backgroundColor: color || PALETTE[0], borderRadius: 3, maxBarThickness: 36 }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${money(amounts[ctx.dataIndex])}` } } },
      scales: horizontal ? { x: moneyAxis() } : { y: moneyAxis() },
    },
  };
}

function renderReport() {
  const v = state.report.view;
  if (!v) return;
  const period = v.date ? 'day' : state.report.period;
  setPeriod(period);
  if (v.date) $('report-date').value = v.date;
  $('report-period').textContent = v.date ? t('reports.periodDay', { date: v.date })
    : t('reports.periodRange', { from: v.from, to: v.to });
  $('report-print-store').textContent = `${state.store ? state.store.storeName : ''} · ${$('report-period').textContent}`;
  $('report-total').textContent = money(v.total);
  $('report-transactions').textContent = String(v.transactions);
  $('report-average').textContent = money(v.averageTicket);
  $('report-units').textContent = v.units;
  $('report-returns').textContent = v.returns ? t('reports.countAmount', { count: v.returns.count, amount: money(v.returns.amount) }) : '—';
  $('report-status').textContent = v.date ? (v.closed ? t('reports.closedBy', { by: staffLabel(v.closedBy, state.names) }) : t('reports.open')) : '—';
  $('report-status').className = v.closed ? 'ok-text' : '';
  $('day-close').disabled = !!v.closed;

  // sales over time: by hour for a day, by day for a week or month
  if (v.byHour) {
    $('chart-time-title').textContent = t('reports.byHour');
    chartOf('chart-time', moneyChart(v.byHour.map((h) => `${String(h.hour).padStart(2, '0')}:00`), v.byHour.map((h) => h.total), t('reports.sales')));
  } else {
    $('chart-time-title').textContent = t('reports.byDay');
    const days = v.byDay || [];
    chartOf('chart-time', moneyChart(days.map((d) => d.date.substring(5)), days.map((d) => d.total), t('reports.sales')));
  }
  const staff = v.byStaff || [];
  chartOf('chart-staff', moneyChart(staff.map((s) => (s.name ? `${s.name} ${s.staffCode}` : s.staffCode)), staff.map((s) => s.total), t('reports.sales'),
    { horizontal: true, color: PALETTE[1] }));
  const categories = v.byCategory || [];
  chartOf('chart-category', {
    type: 'doughnut',
    data: { labels: categories.map((c) => c.category), datasets: [{ data: categories.map((c) => Number(c.total)), backgroundColor: PALETTE }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'right' }, tooltip: { callbacks: { label: (ctx) => `${ctx.label}: ${money(categories[ctx.dataIndex].total)}` } } },
    },
  });
  if (v.target) {
    $('report-target-note').textContent = t('reports.targetNote', { month: v.target.month, attainment: percent(v.target.attainment) });
    chartOf('chart-target', moneyChart([t('reports.target'), t('reports.salesToDate')], [v.target.amount, v.target.sales], v.target.month,
      { horizontal: true, color: [PALETTE[8], PALETTE[5]] }));
  } else {
    $('report-target-note').textContent = t('reports.noTarget');
    const old = window.Chart && Chart.getChart($('chart-target'));
    if (old) old.destroy();
  }

  fillTable($('report-tenders'), v.byTender, (x) => [tOr(`tender.${x.tender}`, x.tender), { text: String(x.count), num: true }, { text: money(x.amount), num: true }]);
  fillTable($('report-adjustments'), [
    [t('reports.discounts'), '', v.discounts],
    [t('reports.voids'), v.voids ? v.voids.count : 0, v.voids ? v.voids.amount : '0'],
    [t('reports.cancelled'), v.cancelled ? v.cancelled.count : 0, v.cancelled ? v.cancelled.amount : '0'],
    [t('reports.returns'), v.returns ? v.returns.count : 0, v.returns ? v.returns.amount : '0'],
    ...(v.refunded !== undefined && v.refunded !== null ? [[t('reports.refunded'), '', typeof v.refunded === 'object' ? v.refunded.amount : v.refunded]] : []),
  ], ([label, count, amount]) => [label, { text: String(count), num: true }, { text: money(amount), num: true }]);
  fillTable($('report-refunds'), refundsByTender(v), (x) => el('tr', { dataset: { tender: x.tender } },
    [tOr(`tender.${x.tender}`, x.tender), { text: x.count === undefined ? '' : String(x.count), num: true }, { text: money(x.amount), num: true }].map(cell)));
  fillTable($('report-overshort'), v.overShort, (o) => [staffLabel(o.cashierCode, state.names), { text: String(o.shifts), num: true },
    { text: signedMoney(o.difference), num: true, cls: toFen(o.difference) < 0n ? 'short' : '' }, { node: levelBadge(o.worstErrorLevel) }]);
  fillTable($('report-brands'), v.byBrand, (b) => [b.brand || '—', { text: b.units, num: true }, { text: money(b.total), num: true }]);
  fillTable($('report-staff'), v.byStaff, (s) => [staffLabel(s.staffCode, { [s.staffCode]: s.name }), { text: String(s.transactions), num: true },
    { text: money(s.total), num: true }]);
  const product = (p) => [{ node: el('span', {}, `${p.brand || ''} ${p.name || ''} ${p.model || ''}`.trim(), el('small', { class: 'muted' }, ` ${p.sku}`)) },
    { text: p.units, num: true }, { text: money(p.total), num: true }, { text: p.stock, num: true }];
  fillTable($('report-best'), v.bestSellers, product);
  fillTable($('report-slow'), v.slowSellers, product);
}

/** The day's refunds by tender, as the report gives them (a list of its own, or a refunds figure on each tender). */
function refundsByTender(v) {
  if (Array.isArray(v.refundsByTender)) return v.refundsByTender;
  return (v.byTender || []).filter((x) => x.refunds !== undefined && toFen(x.refunds) !== 0n)
    .map((x) => ({ tender: x.tender, count: x.refundCount, amount: x.refunds }));
}

async function downloadCsv() {
  const path = state.report.path || reportPath();
  try {
    await download(`${path}&format=csv`, 'guitai-report.csv');
  } catch (error) {
    sayError(error);
  }
}

async function closeDay() {
  const date = $('report-date').value || state.today;
  if (!(await confirmDialog(t('reports.closeDay'), t('reports.closeDayConfirm', { date })))) return;
  try {
    const view = await api('POST', `days/${date}/close`);
    state.report.view = view;
    state.report.path = `reports/daily?date=${date}`;
    renderReport();
    say(t('reports.dayClosed', { date }), 'ok');
  } catch (error) {
    sayError(error);
  }
}

function printReport() {
  for (const chart of Object.values((window.Chart && Chart.instances) || {})) chart.resize();
  window.print();
}

// ─── 4. targets ──────────────────────────────────────────────────────────────────────────────────

async function loadTargets() {
  const month = $('target-month').value || state.today.substring(0, 7);
  const board = await api('GET', `targets/${month}`);
  state.targets = { month, board };
  renderTargets();
}

function renderTargets() {
  const b = state.targets.board;
  $('target-current').textContent = b.amount ? money(b.amount) : t('targets.none');
  $('target-sales').textContent = money(b.sales);
  $('target-attainment').textContent = percent(b.attainment);
  $('target-bar').style.width = `${Math.min(100, Math.max(0, Number(b.attainment || 0) * 100))}%`;
  if (document.activeElement !== $('target-amount')) $('target-amount').value = b.amount || '';

  // everyone active, and whoever already holds a share or sold this month
  const shares = Object.fromEntries((b.staff || []).map((s) => [s.staffCode, s]));
  const members = state.staff.filter((m) => m.active || shares[m.code]).map((m) => ({ code: m.code, name: m.name, roles: m.roles }));
  for (const s of b.staff || []) {
    if (!members.some((m) => m.code === s.staffCode)) members.push({ code: s.staffCode, name: s.name, roles: [] });
  }
  fillTable($('split-table'), members, (m) => {
    const share = shares[m.code];
    return el('tr', { dataset: { staff: m.code } },
      cell(staffLabel(m.code, { [m.code]: m.name })),
      cell({ text: (m.roles || []).map((r) => tOr(`role.${r}`, r)).join('、'), cls: 'muted' }),
      el('td', { class: 'num' }, el('input', { class: 'split-input', id: `split-${m.code}`, inputmode: 'decimal', maxlength: '18', dataset: { staff: m.code },
        value: share && share.target ? share.target : '', placeholder: '0.00', oninput: updateSplitSum, 'aria-label': t('targets.shareOf', { name: m.name || m.code }) })),
      cell({ text: money(share ? share.sales : '0'), num: true }),
      el('td', {}, share && share.attainment
        ? el('div', { class: 'mini-progress', title: percent(share.attainment) },
          el('div', { class: 'progress' }, el('div', { class: 'progress-bar', style: `width:${Math.min(100, Number(share.attainment) * 100)}%` })),
          el('span', {}, percent(share.attainment)))
        : '—'));
  });
  $('split-error').hidden = true;
  updateSplitSum();
}

function updateSplitSum() {
  let sum = 0n;
  let valid = true;
  for (const input of document.querySelectorAll('#split-table .split-input')) {
    const text = input.value.trim();
    const fen = text === '' ? 0n : toFen(text);
    input.classList.toggle('invalid', fen === null || fen < 0n);
    if (fen === null || fen < 0n) valid = false;
    else sum += fen;
  }
  $('split-sum').textContent = valid ? money(sum) : '—';
  const target = state.targets.board && state.targets.board.amount ? toFen(state.targets.board.amount) : null;
  const diff = $('split-diff');
  if (target === null) {
    diff.textContent = t('targets.setFirst');
    diff.className = 'muted';
  } else if (!valid) {
    diff.textContent = t('targets.badShare');
    diff.className = 'error-text';
  } else if (sum === target) {
    diff.textContent = t('targets.balanced');
    diff.className = 'ok-text';
  } else {
    diff.textContent = sum < target ? t('targets.remaining', { amount: money(target - sum) }) : t('targets.over', { amount: money(sum - target) });
    diff.className = 'warn-text';
  }
}

function splitEvenly() {
  const b = state.targets.board;
  const inputs = [...document.querySelectorAll('#split-table .split-input')];
  if (!b || !b.amount || inputs.length === 0) {
    say(t('targets.setFirst'), 'error');
    return;
  }
  const target = toFen(b.amount);
  const n = BigInt(inputs.length);
  inputs.forEach((input, i) => { input.value = fenToDecimal(target / n + (BigInt(i) < target % n ? 1n : 0n)); });
  updateSplitSum();
}

async function saveTarget(event) {
  event.preventDefault();
  const fen = toFen($('target-amount').value);
  if (fen === null || fen < 0n) {
    say(t('targets.badAmount'), 'error');
    return;
  }
  try {
    const board = await api('PUT', `targets/${state.targets.month}`, { amount: fenToDecimal(fen) });
    state.targets.board = board;
    $('target-amount').value = board.amount || '';
    renderTargets();
    say(t('targets.saved', { month: state.targets.month, amount: money(board.amount) }), 'ok');
  } catch (error) {
    sayError(error);
  }
}

async function saveSplit(event) {
  event.preventDefault();
  const shares = [];
  for (const input of document.querySelectorAll('#split-table .split-input')) {
    const text = input.value.trim();
    if (text === '') continue;
    const fen = toFen(text);
    if (fen === null || fen < 0n) {
      $('split-error').textContent = t('targets.badShare');
      $('split-error').hidden = false;
      input.focus();
      return;
    }
    shares.push({ staffCode: input.dataset.staff, amount: fenToDecimal(fen) });
  }
  try {
    const board = await api('PUT', `targets/${state.targets.month}/split`, { shares });
    state.targets.board = board;
    renderTargets();
    say(t('targets.splitSaved', { month: state.targets.month }), 'ok');
  } catch (error) {
    // the store's own reason (e.g. the shares add up to something else than the target)
    $('split-error').textContent = error.message;
    $('split-error').hidden = false;
  }
}

// ─── 5. audit log ────────────────────────────────────────────────────────────────────────────────

function fillEventFilter() {
  const select = $('audit-event');
  const chosen = select.value;
  const events = new Set(Object.keys(i18n.messages).filter((k) => k.startsWith('event.')).map((k) => k.substring('event.'.length)));
  for (const e of state.audit.entries || []) events.add(e.event);
  const options = [...events].sort((a, b) => tOr(`event.${a}`, a).localeCompare(tOr(`event.${b}`, b), i18n.lang))
    .map((e) => el('option', { value: e }, tOr(`event.${e}`, e)));
  select.replaceChildren(el('option', { value: '' }, t('audit.allEvents')), ...options);
  select.value = chosen;
}

async function loadAudit() {
  const saleId = $('audit-sale').value.trim();
  const path = saleId ? `audit?saleId=${encodeURIComponent(saleId)}` : `audit?date=${$('audit-date').value || state.today}`;
  state.audit.entries = await api('GET', path);
  fillEventFilter();
  renderAudit();
}

function renderAudit() {
  const all = state.audit.entries || [];
  const event = $('audit-event').value;
  const staff = $('audit-staff').value.trim().toUpperCase();
  const terminal = $('audit-terminal').value.trim().toUpperCase();
  const text = $('audit-text').value.trim().toLowerCase();
  const shown = all.filter((e) => (!event || e.event === event)
    && (!staff || (e.requestedBy || '').toUpperCase().includes(staff) || (e.approvedBy || '').toUpperCase().includes(staff))
    && (!terminal || (e.terminalId || '').toUpperCase().includes(terminal))
    && (!text || [e.detail, e.subject, e.saleId].some((f) => (f || '').toLowerCase().includes(text))));
  $('audit-count').textContent = t('audit.count', { shown: shown.length, total: all.length });
  fillTable($('audit-table'), shown, (e) => el('tr', { dataset: { seq: e.seq } },
    cell(shortDateTime(e.at)), cell(el('span', { class: 'badge' }, tOr(`event.${e.event}`, e.event))),
    cell(staffLabel(e.requestedBy, state.names)), cell(e.approvedBy ? staffLabel(e.approvedBy, state.names) : '—'), cell(e.terminalId || '—'),
    cell({ text: e.saleId ? t('approvals.sale', { id: shortId(e.saleId) }) : (shortSubject(e.subject) || '—'), title: e.saleId || e.subject }),
    cell({ text: e.detail || '', cls: 'detail' })));
}

// ─── wiring ──────────────────────────────────────────────────────────────────────────────────────

function wire() {
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('message-close').addEventListener('click', () => say('', 'info'));
  $('lang').addEventListener('change', async () => {
    try {
      await loadLanguage($('lang').value);
      rerender();
    } catch (error) {
      say(error.message, 'error');
    }
  });
  for (const s of SECTIONS) $(`nav-${s}`).addEventListener('click', () => showSection(s));
  document.addEventListener('keydown', (event) => {
    const n = Number(event.key);
    if (event.altKey && n >= 1 && n <= SECTIONS.length && !$('app').hidden && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      showSection(SECTIONS[n - 1]);
    }
  });
  const guarded = (load) => () => load().catch(sayError);

  $('approvals-refresh').addEventListener('click', guarded(loadApprovals));
  $('approvals-date').addEventListener('change', guarded(loadApprovals));

  buildCountTable();
  $('shifts-refresh').addEventListener('click', guarded(loadShifts));
  $('closed-date').addEventListener('change', guarded(loadShifts));
  $('close-panel').addEventListener('submit', submitClose);
  $('close-cancel').addEventListener('click', () => setPanel('empty', null));
  $('movement-panel').addEventListener('submit', submitMovement);
  $('movement-cancel').addEventListener('click', () => setPanel('empty', null));
  $('shift-report-print').addEventListener('click', printShiftReport);

  for (const p of ['day', 'week', 'month']) {
    $(`period-${p}`).addEventListener('click', () => { setPeriod(p); loadReport().catch(sayError); });
  }
  $('report-load').addEventListener('click', guarded(loadReport));
  $('report-date').addEventListener('change', guarded(loadReport));
  $('report-month').addEventListener('change', guarded(loadReport));
  $('report-csv').addEventListener('click', downloadCsv);
  $('report-print').addEventListener('click', printReport);
  $('day-close').addEventListener('click', closeDay);
  window.addEventListener('beforeprint', () => {
    for (const chart of Object.values((window.Chart && Chart.instances) || {})) chart.resize();
  });

  $('target-load').addEventListener('click', guarded(loadTargets));
  $('target-month').addEventListener('change', guarded(loadTargets));
  $('target-form').addEventListener('submit', saveTarget);
  $('split-form').addEventListener('submit', saveSplit);
  $('split-even').addEventListener('click', splitEvenly);

  $('audit-load').addEventListener('click', guarded(loadAudit));
  $('audit-date').addEventListener('change', () => { $('audit-sale').value = ''; loadAudit().catch(sayError); });
  $('audit-sale').addEventListener('keydown', (event) => { if (event.key === 'Enter') loadAudit().catch(sayError); });
  for (const id of ['audit-event', 'audit-staff', 'audit-terminal', 'audit-text']) $(id).addEventListener('input', renderAudit);
}

async function start() {
  wire();
  onSessionLost = () => {
    forgetSession();
    showLogin(t('login.expired'));
  };
  const lang = preferredLanguage();
  $('lang').value = lang;
  await loadLanguage(lang);
  loadStore();
  let saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null'); } catch (e) { saved = null; }
  if (saved && saved.token) {
    session.token = saved.token;
    session.staff = saved.staff;
    session.terminalId = saved.terminalId;
    try {
      await api('GET', 'sessions/current');
      await enterApp();
      document.body.dataset.ready = 'true';
      return;
    } catch (error) {
      forgetSession();
    }
  }
  showLogin('');
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', () => {
  start().catch((error) => say(error.message, 'error'));
});
