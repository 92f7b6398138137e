// Returns and exchanges at the counter (Alt+T): the sale is found by its slip (scanned, photographed
// or typed) or its invoice number, the cashier picks lines and quantities and gives the reason, a
// manager approves in place (twice above the store's amount), the goods are received (restocked or
// written off) and the money goes back tender by tender as the store's refund plan says. An
// exchange applies the return's credit to a new sale at this counter as its first tender.
// Kept apart from cashier.js, whose queue, steps, dialogs and approvals it uses.
'use strict';

const REASONS = ['QUALITY', 'CHANGE_OF_MIND', 'STAFF_ERROR'];
const DISPOSITIONS = ['RESTOCK', 'WRITE_OFF'];

const returns = {
  active: false,
  /** find | pick | approve | receive | refund | done */
  phase: 'find',
  returnable: null,
  ret: null,
  /** the id of the return about to be requested: kept until the store has it, so a retry requests the same one */
  requestId: null,
  /** the id of the refund step under way, kept until the store gives a definite answer */
  refundId: null,
};

/** The return whose credit pays the sale at the counter first (tender EXCHANGE). */
const exchange = {
  active: false,
  returnId: null,
  number: null,
  credit: null,
  refundId: null,
  applied: false,
  /** the return still owes the customer after the exchange (the return was worth more): refunded once the sale is done */
  rest: null,
};

function returnsActive() {
  return returns.active;
}

function exchangeActive() {
  return exchange.active;
}

// ─── entering and leaving returns mode ─────────────────────────────────────────────────────────

function toggleReturns() {
  if (returns.active) leaveReturns();
  else enterReturns();
}

function enterReturns(ret) {
  const s = status();
  if (['OPEN', 'CONFIRMED', 'PAID', 'PACKED'].includes(s) && !(s === 'OPEN' && !state.sale.lines.length)) {
    say(t('returns.finishSale'), 'error');
    return;
  }
  if (exchange.active && !ret) {
    say(t('returns.finishExchange'), 'error');
    return;
  }
  if (['COMPLETED', 'AWAITING_CLEARANCE', 'CANCELLED'].includes(s)) nextCustomer();
  Object.assign(returns, { active: true, phase: 'find', returnable: null, ret: null, requestId: null, refundId: null });
  say('');
  showError('scan-error', null);
  if (ret) {
    returns.ret = ret;
    returns.phase = phaseOf(ret);
  }
  renderSale();
  focusScan();
}

function leaveReturns() {
  const open = returns.ret && !['REFUNDED', 'CANCELLED'].includes(returns.ret.status);
  const number = returns.ret ? returns.ret.number : null;
  Object.assign(returns, { active: false, phase: 'find', returnable: null, ret: null, requestId: null, refundId: null });
  renderSale();
  say(open ? t('returns.leftOpen', { number }) : '', open ? 'error' : 'info');
  focusScan();
}

/** What the counter shows in returns mode instead of the order. */
function renderReturnMode() {
  const active = returns.active;
  $('return-view').hidden = !active;
  $('returns-open').textContent = t(active ? 'returns.leave' : 'returns.open');
  $('returns-open').dataset.active = String(active);
  if (active) {
    ['order-view', 'announce', 'after', 'next'].forEach((id) => { $(id).hidden = true; });
    $('scan').placeholder = t('returns.scanPlaceholder');
    renderReturns();
  } else {
    $('scan').placeholder = t('order.scanPlaceholder');
  }
  renderExchangeNote();
}

function phaseOf(ret) {
  switch (ret.status) {
    case 'REQUESTED': return 'approve';
    case 'APPROVED': return 'receive';
    case 'RECEIVED':
    case 'PARTLY_REFUNDED': return 'refund';
    default: return 'done';
  }
}

/** The field the cashier works in now: the scan field while finding the sale, else the step's own. */
function focusReturns() {
  const target = {
    pick: () => document.querySelector('#return-lines input[data-sale-line-id]:not([disabled])'),
    approve: () => $('return-approve-submit'),
    receive: () => $('receive-submit'),
    refund: () => {
      const next = nextRefund();
      if (!next) return null;
      if (next.tender === 'CASH') return document.querySelector('#refund-denominations input');
      if (next.tender === 'CARD') return $('refund-reference');
      return $('refund-submit');
    },
    done: () => $('return-close'),
  }[returns.phase];
  const element = target ? target() : null;
  (element || $('scan')).focus();
}

// ─── finding the sale ─────────────────────────────────────────────────────────────────────────

/** A slip code or invoice number entered in the scan field (typed, scanned or read from a photo). */
function returnScan(raw) {
  const typed = raw.trim();
  if (!typed) return;
  if (!['find', 'pick', 'done'].includes(returns.phase)) {
    say(t('returns.finishFirst', { number: returns.ret ? returns.ret.number : '' }), 'error');
    return;
  }
  enqueue(() => findReturnable(typed));
}

async function findReturnable(typed) {
  const slip = slipCode(typed);
  const byInvoice = $('return-by').value === 'invoice';
  try {
    let found;
    try {
      found = await step({ key: 'what.findReturnable', params: { code: byInvoice ? typed : slip } },
        () => api('GET', byInvoice ? `returns/returnable?invoiceNumber=${encodeURIComponent(typed)}` : `returns/returnable?slipNumber=${encodeURIComponent(slip)}`));
    } catch (error) {
      // not a slip: it may be an invoice's number (the two look alike)
      if (byInvoice || !(error instanceof ApiError) || error.status !== 404) throw error;
      found = await step({ key: 'what.findReturnable', params: { code: typed } },
        () => api('GET', `returns/returnable?invoiceNumber=${encodeURIComponent(typed.toUpperCase())}`));
    }
    Object.assign(returns, { phase: 'pick', returnable: found, ret: null, requestId: null, refundId: null });
    say('');
    renderSale();
    focusScan();
  } catch (error) {
    say(errorText(error), 'error');
    showError('scan-error', error);
  }
}

// ─── what the return view shows ───────────────────────────────────────────────────────────────

function renderReturns() {
  const { phase, returnable, ret } = returns;
  $('return-view').dataset.phase = phase;
  $('return-hint').hidden = phase !== 'find';
  $('return-form').hidden = phase !== 'pick';
  $('return-state').hidden = !ret;
  $('return-approve').hidden = phase !== 'approve';
  $('receive-form').hidden = phase !== 'receive';
  $('refund-form').hidden = phase !== 'refund';
  $('return-done').hidden = phase !== 'done';
  const sale = returnable || (ret ? { slipNumber: ret.slipNumber } : null);
  $('return-sale').textContent = sale ? [
    t('returns.ofSlip', { slip: sale.slipNumber || '—' }),
    sale.invoiceNumber ? t('returns.ofInvoice', { number: sale.invoiceNumber }) : '',
    sale.completedAt ? t('returns.soldAt', { at: dateTime(sale.completedAt) }) : '',
    sale.changeOfMindUntil ? t('returns.changeOfMindUntil', { date: String(sale.changeOfMindUntil).length <= 10 ? sale.changeOfMindUntil : dateTime(sale.changeOfMindUntil) }) : '',
  ].filter(Boolean).join(' · ') : '';
  $('return-sale').dataset.saleId = sale && sale.saleId ? sale.saleId : (ret ? ret.saleId : '');
  if (phase === 'pick') renderPick();
  if (ret) renderReturnState(ret);
  if (phase === 'approve') renderApprove(ret);
  if (phase === 'receive') renderReceive(ret);
  if (phase === 'refund') renderRefund(ret);
  if (phase === 'done') renderDone(ret);
}

function renderPick() {
  const lines = returns.returnable.lines || [];
  const body = $('return-lines').tBodies[0];
  // the quantities typed stay when the page redraws (a language switch)
  const typed = Object.fromEntries([...body.querySelectorAll('input[data-sale-line-id]')].map((i) => [i.dataset.saleLineId, i.value]));
  fillTable($('return-lines'), lines, (l) => el('tr', { dataset: { saleLineId: l.saleLineId, barcode: l.barcode || '' } }, [
    `${l.name}${l.sku ? ` · ${l.sku}` : ''}`, l.spec || '', { text: l.quantity, num: true, cls: 'sold' }, { text: l.returned, num: true, cls: 'returned' },
    { text: l.returnable, num: true, cls: 'returnable' }, { text: money(l.unitPrice), num: true }, { text: money(l.refundable), num: true },
    el('input', {
      id: `return-qty-${l.saleLineId}`, class: 'return-qty', inputmode: 'decimal', size: 4, dataset: { saleLineId: l.saleLineId },
      value: typed[l.saleLineId] || '', disabled: toMilli(l.returnable) === 0n, 'aria-label': t('returns.quantityOf', { name: l.name }),
    }),
  ].map(cell)));
  $('return-responsible-field').hidden = $('return-reason').value !== 'STAFF_ERROR';
}

function renderReturnState(ret) {
  $('return-number').textContent = ret.number || '—';
  $('return-number').dataset.returnId = ret.id;
  $('return-status').textContent = tOr(`returnStatus.${ret.status}`, ret.status);
  $('return-status').dataset.status = ret.status;
  $('return-amount').textContent = money(ret.amount);
  const given = (ret.approvals || []).length;
  $('return-approvals').textContent = t('returns.approvals', { given, needed: ret.approvalsNeeded || 1 });
  // a return whose goods are not received yet can be cancelled: its units can come back again
  $('return-cancel-box').hidden = !['REQUESTED', 'APPROVED'].includes(ret.status);
}

function renderApprove(ret) {
  const given = (ret.approvals || []).length;
  $('return-approve-text').textContent = given > 0 ? t('returns.secondApproval', { manager: ret.approvals[0].managerCode }) : t('returns.needsApproval');
}

function renderReceive(ret) {
  const body = $('receive-lines').tBodies[0];
  const chosen = Object.fromEntries([...body.querySelectorAll('select[data-sale-line-id]')].map((s) => [s.dataset.saleLineId, s.value]));
  fillTable($('receive-lines'), ret.lines, (l) => {
    const select = el('select', { id: `receive-disposition-${l.saleLineId}`, class: 'disposition', dataset: { saleLineId: l.saleLineId },
      'aria-label': t('returns.disposition') }, DISPOSITIONS.map((d) => el('option', { value: d }, t(`disposition.${d}`))));
    select.value = chosen[l.saleLineId] || 'RESTOCK';
    return el('tr', { dataset: { saleLineId: l.saleLineId } }, [l.name, { text: l.quantity, num: true }, select].map(cell));
  });
}

function nextRefund() {
  const ret = returns.ret;
  return ret && Array.isArray(ret.refundPlan) && ret.refundPlan.length ? ret.refundPlan[0] : null;
}

/** The step of the refund plan under way: what to pay back, in which tender, and how. */
function renderRefund(ret) {
  fillTable($('refund-plan'), ret.refundPlan || [], (p, i) => el('tr', { class: i === 0 ? 'selected' : undefined, dataset: { tender: p.tender } },
    [tOr(`tender.${p.tender}`, p.tender), { text: money(p.amount), num: true }].map(cell)));
  const next = nextRefund();
  const tender = next ? next.tender : null;
  $('refund-step').textContent = next ? t('returns.refundStep', { tender: tOr(`tender.${tender}`, tender) }) : '';
  // cash: what the drawer pays, the amount rounded down to its smallest piece (the store says it: payOut)
  const payOut = next ? (next.tender === 'CASH' && next.payOut ? next.payOut : next.amount) : '';
  $('refund-payout').textContent = next ? money(payOut) : '';
  $('refund-payout').dataset.amount = payOut;
  $('refund-cash').hidden = tender !== 'CASH';
  $('refund-card').hidden = tender !== 'CARD';
  $('refund-other').hidden = !['MOBILE', 'CHECK'].includes(tender);
  $('refund-other').textContent = tender === 'MOBILE' ? t('returns.mobileHint') : tender === 'CHECK' ? t('returns.checkHint') : '';
  $('refund-submit').disabled = !next;
  $('refund-exchange').hidden = !next || toFen(ret.due) <= 0n || exchange.active;
  if (tender === 'CASH') {
    $('refund-announcement').textContent = t('returns.payOutAnnounce', { amount: money(payOut) });
    const prepared = $('refund-denominations').dataset.for;
    const key = `${ret.id}:${payOut}:${state.denominations.join(',')}:${i18n.lang}`;
    if (prepared !== key) {
      buildDenominations('refund-denominations', 'refund-count', renderRefundCounted);
      // the pieces to count out, largest first; the cashier changes them to what the drawer holds
      let rest = toFen(payOut);
      for (const d of state.denominations) {
        const piece = toFen(d);
        const count = piece > 0n ? rest / piece : 0n;
        rest -= count * piece;
        $(`refund-count-${d}`).value = count > 0n ? String(count) : '';
      }
      $('refund-denominations').dataset.for = key;
    }
    renderRefundCounted();
  } else {
    $('refund-denominations').dataset.for = '';
  }
}

function renderRefundCounted() {
  $('refund-counted').textContent = money(countedFen('refund-count'));
}

function renderDone(ret) {
  $('return-done-number').textContent = ret.number || '—';
  $('return-done-number').dataset.returnId = ret.id;
  $('return-done-refunds').replaceChildren(...(ret.refunds || []).map((r) => el('li', { dataset: { tender: r.tender } },
    t('returns.refunded', { tender: tOr(`tender.${r.tender}`, r.tender), amount: money(r.amount) }),
    r.reference ? ` · ${r.reference}` : '')));
  $('return-done-red').hidden = !ret.redLetterInvoice;
  $('return-done-red').dataset.number = ret.redLetterInvoice || '';
  $('return-done-red').textContent = ret.redLetterInvoice ? t('returns.redLetter', { number: ret.redLetterInvoice }) : '';
}

function renderExchangeNote() {
  const note = $('exchange-note');
  note.hidden = !exchange.active;
  if (!exchange.active) return;
  note.dataset.returnNumber = exchange.number || '';
  const sale = state.sale;
  if (sale && ['PAID', 'PACKED', 'COMPLETED'].includes(sale.status) && sale.slipCode) {
    note.textContent = t('returns.exchangeDone', { number: exchange.number, slip: sale.slipCode });
  } else if (exchange.applied) {
    note.textContent = t('returns.exchangeApplied', { number: exchange.number, amount: money(exchange.credit) });
  } else {
    note.textContent = t('returns.exchangeOpen', { number: exchange.number, amount: money(exchange.credit) });
  }
}

// ─── the steps: request, approve, receive, refund ────────────────────────────────────────────

$('return-reason').addEventListener('change', () => {
  $('return-responsible-field').hidden = $('return-reason').value !== 'STAFF_ERROR';
  if (!$('return-responsible-field').hidden) $('return-responsible').focus();
});

$('return-cancel').addEventListener('click', () => {
  Object.assign(returns, { phase: 'find', returnable: null, ret: null, requestId: null });
  renderSale();
  focusScan();
});

$('return-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const found = returns.returnable;
  if (!found) return;
  const lines = [];
  for (const input of document.querySelectorAll('#return-lines input[data-sale-line-id]')) {
    const typed = input.value.trim();
    if (!typed) continue;
    const line = found.lines.find((l) => l.saleLineId === input.dataset.saleLineId);
    const milli = toMilli(typed);
    if (milli === null) { say(t('order.badQuantity'), 'error'); input.focus(); return; }
    if (milli === 0n) continue;
    if (milli > toMilli(line.returnable)) {
      say(t('returns.overReturn', { name: line.name, returnable: line.returnable }), 'error');
      input.focus();
      return;
    }
    lines.push({ saleLineId: line.saleLineId, quantity: milliToQuantity(milli) });
  }
  if (!lines.length) {
    say(t('returns.pickSomething'), 'error');
    focusReturns();
    return;
  }
  const reason = $('return-reason').value;
  const responsible = $('return-responsible').value.trim().toUpperCase();
  if (reason === 'STAFF_ERROR' && !responsible) {
    say(t('returns.responsibleNeeded'), 'error');
    $('return-responsible').focus();
    return;
  }
  const id = returns.requestId || (returns.requestId = uuid());
  const body = { id, saleId: found.saleId, lines, reason };
  if (reason === 'STAFF_ERROR') body.responsibleStaff = responsible;
  enqueue(async () => {
    try {
      const ret = await step({ key: 'what.returnRequest' }, () => api('POST', 'returns', body));
      returns.requestId = null;
      returns.ret = ret;
      returns.phase = phaseOf(ret);
      say('');
      renderSale();
      if (returns.phase === 'approve') await approveReturn();
      else focusScan();
    } catch (error) {
      returns.requestId = null;
      say(errorText(error), 'error');
    }
  });
});

$('return-approve').addEventListener('submit', (event) => {
  event.preventDefault();
  enqueue(approveReturn);
});

/** The manager's approval in place; a second manager's when the amount needs two. Stops when one is cancelled. */
async function approveReturn() {
  while (returns.active && returns.ret && returns.ret.status === 'REQUESTED') {
    const ret = returns.ret;
    const given = (ret.approvals || []).length;
    const reason = given > 0 ? t('returns.secondApproval', { manager: ret.approvals[0].managerCode })
      : t('returns.approvalReason', { number: ret.number, amount: money(ret.amount), reason: t(`reason.${ret.reason}`) });
    const approvalId = await askApproval('RETURN', reason, { returnId: ret.id });
    if (!approvalId) {
      renderSale();
      focusScan();
      return;
    }
    try {
      returns.ret = await step({ key: 'what.returnApprove', params: { number: ret.number } },
        () => api('POST', `returns/${ret.id}/approve`, { approvalId }));
    } catch (error) {
      say(errorText(error), 'error');
      renderSale();
      focusScan();
      return;
    }
    returns.phase = phaseOf(returns.ret);
    renderSale();
  }
  say('');
  focusScan();
}

$('receive-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const ret = returns.ret;
  const lines = ret.lines.map((l) => ({ saleLineId: l.saleLineId, quantity: l.quantity,
    disposition: $(`receive-disposition-${l.saleLineId}`).value }));
  enqueue(async () => {
    try {
      returns.ret = await step({ key: 'what.returnReceive', params: { number: ret.number } },
        () => api('POST', `returns/${ret.id}/receive`, { lines }));
      returns.phase = phaseOf(returns.ret);
      say('');
      renderSale();
      focusScan();
    } catch (error) {
      say(errorText(error), 'error');
    }
  });
});

// Enter in a count of the cash to pay out takes the refund, as in the cash form
$('refund-form').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.tagName === 'INPUT') {
    event.preventDefault();
    $('refund-form').requestSubmit();
  }
});

$('refund-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const ret = returns.ret;
  const next = nextRefund();
  if (!ret || !next) return;
  showError('refund-error', null);
  const body = { id: returns.refundId || (returns.refundId = uuid()), tender: next.tender, amount: next.amount };
  if (next.tender === 'CASH') {
    const payOut = next.payOut || next.amount;
    if (countedFen('refund-count') !== toFen(payOut)) {
      showError('refund-error', t('returns.countMismatch', { counted: money(countedFen('refund-count')), amount: money(payOut) }));
      return;
    }
    body.counted = countedPieces('refund-count');
  } else if (next.tender === 'CARD') {
    const reference = $('refund-reference').value.trim();
    if (!reference) {
      showError('refund-error', t('returns.referenceNeeded'));
      $('refund-reference').focus();
      return;
    }
    body.reversalReference = reference;
  }
  enqueue(() => refund(ret, body));
});

async function refund(ret, body) {
  try {
    const after = await step({ key: 'what.refund', params: { tender: tOr(`tender.${body.tender}`, body.tender), amount: money(body.amount) } },
      () => api('POST', `returns/${ret.id}/refund`, body));
    returns.refundId = null;
    returns.ret = after;
    returns.phase = phaseOf(after);
    $('refund-reference').value = '';
    const paidOut = (body.counted || []).reduce((sum, p) => sum + toFen(p.denomination) * BigInt(p.count), 0n);
    say(body.tender === 'CASH' ? t('returns.paidOut', { amount: money(paidOut) }) : t('returns.refundDone', {
      tender: tOr(`tender.${body.tender}`, body.tender), amount: money(body.amount) }), 'ok');
    renderSale();
    focusScan();
  } catch (error) {
    // a definite refusal: nothing was refunded, the next try is a new refund
    returns.refundId = null;
    say(errorText(error), 'error');
    showError('refund-error', error);
  }
}

$('return-cancel-return').addEventListener('click', () => {
  const ret = returns.ret;
  const reason = $('return-cancel-reason').value.trim();
  if (!ret) return;
  if (!reason) {
    say(t('returns.cancelReasonNeeded'), 'error');
    $('return-cancel-reason').focus();
    return;
  }
  enqueue(async () => {
    try {
      returns.ret = await step({ key: 'what.returnCancel', params: { number: ret.number } },
        () => api('POST', `returns/${ret.id}/cancel`, { reason }));
      returns.phase = phaseOf(returns.ret);
      $('return-cancel-reason').value = '';
      say(t('returns.cancelled', { number: ret.number }), 'ok');
      renderSale();
      focusScan();
    } catch (error) {
      say(errorText(error), 'error');
    }
  });
});

$('return-close').addEventListener('click', leaveReturns);
// the return slip prints by itself once the return is refunded; this prints it again, as the copy the store gives (marked as a copy)
$('return-reprint').addEventListener('click', async () => {
  const ret = returns.ret;
  if (!ret) return;
  try {
    await terminalApi('POST', 'devices/printer/reprints', { returnId: ret.id });
    say(t('returns.reprintQueued', { number: ret.number }), 'ok');
  } catch (error) {
    say(errorText(error), 'error');
  }
});
$('returns-open').addEventListener('click', toggleReturns);

// ─── exchange: the return's credit is the new sale's first tender ──────────────────────────────

$('refund-exchange').addEventListener('click', () => {
  const ret = returns.ret;
  if (!ret || toFen(ret.due) <= 0n) return;
  Object.assign(exchange, { active: true, returnId: ret.id, number: ret.number, credit: ret.due, refundId: null, applied: false, rest: null });
  Object.assign(returns, { active: false, phase: 'find', returnable: null, ret: null, requestId: null, refundId: null });
  clearSale();
  saleChanged(null);
  say(t('returns.exchangeStarted', { number: exchange.number, amount: money(exchange.credit) }), 'ok');
  focusScan();
});

/** True while the exchange's credit waits to be applied to the confirmed sale. */
function exchangePending() {
  return exchange.active && !exchange.applied && status() === 'CONFIRMED';
}

/** Applies the return's credit to the sale (tender EXCHANGE), then the sale as the store has it now. */
async function applyExchange() {
  const saleId = state.sale.id;
  const body = { id: exchange.refundId || (exchange.refundId = uuid()), tender: 'EXCHANGE', saleId };
  try {
    const ret = await step({ key: 'what.exchange', params: { number: exchange.number } },
      () => api('POST', `returns/${exchange.returnId}/refund`, body));
    exchange.refundId = null;
    exchange.applied = true;
    const used = (ret.refunds || []).filter((r) => r.tender === 'EXCHANGE').reduce((sum, r) => sum + toFen(r.amount), 0n);
    if (used > 0n) exchange.credit = fenToDecimal(used);
    exchange.rest = ret.status !== 'REFUNDED' && toFen(ret.due) > 0n ? ret : null;
    const sale = await api('GET', `sales/${saleId}`);
    saleChanged(sale);
    say(exchange.rest ? t('returns.exchangeRest', { amount: money(ret.due) })
      : sale.status === 'CONFIRMED' ? t('pay.remaining', { amount: money(sale.due) }) : t('pay.paid'), 'ok');
    return true;
  } catch (error) {
    exchange.refundId = null;
    say(errorText(error), 'error');
    return false;
  }
}

/** A tender key on a sale that an exchange pays: the credit first, then the tender's form for what is left. */
function payWith(open) {
  if (!exchangePending()) {
    open();
    return;
  }
  enqueue(async () => {
    const applied = await applyExchange();
    if (applied && status() === 'CONFIRMED') open();
  });
}

/** Once the exchange's sale is done: the rest of a return worth more is refunded by its plan. */
function afterExchangeSale() {
  if (!exchange.active || !exchange.applied) return;
  const rest = exchange.rest;
  if (!rest) return;
  exchange.rest = null;
  enqueue(async () => {
    try {
      const ret = await api('GET', `returns/${rest.id}`);
      if (ret.status !== 'REFUNDED') enterReturns(ret);
    } catch (error) {
      say(errorText(error), 'error');
    }
  });
}

function endExchange() {
  Object.assign(exchange, { active: false, returnId: null, number: null, credit: null, refundId: null, applied: false, rest: null });
  renderExchangeNote();
}
