// The counter's devices on the cashier's screen: the scanner's labels go into the scan field as if
// typed, a photo of a code is read by the terminal (ZXing), the printer's waiting paper and the open
// drawer are shown, and the devices panel shows each device with the simulators' controls.
// Kept apart from cashier.js: it only reads the session and submits the scan form.
'use strict';

const DEVICES_POLL_MS = 1000;
const devices = { list: [], lastScan: null, timer: null };

/** A call to the terminal's own api/terminal/<path> with the session's token; a problem answer throws an ApiError. */
async function terminalApi(method, path, body, contentType) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${session.token}` };
  if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
  let response;
  try {
    response = await fetch(`api/terminal/${path}`, {
      method, headers, body: body === undefined ? undefined : contentType ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, null, t('error.noAnswer'));
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
  if (!response.ok) throw new ApiError(response.status, data, problemMessage(response.status, data));
  return data;
}

function device(category) {
  return devices.list.find((d) => d.category === category);
}

// ─── what the screen shows: the printer banner, the drawer chip, the panel ─────────────────────

function renderDevices() {
  const printer = device('POSPrinter');
  const failing = printer && printer.state === 'ERROR' && printer.queuedJobs > 0;
  $('printer-banner').hidden = !failing;
  if (failing) {
    $('printer-banner-title').textContent = t('printer.banner', { fault: tOr(`printer.fault.${printer.error}`, printer.error), count: printer.queuedJobs });
    $('printer-banner-hint').textContent = t('printer.bannerHint');
  }
  const drawer = device('CashDrawer');
  $('drawer-state').hidden = !(drawer && drawer.drawerOpen);
  $('devices-button').hidden = !session.token;
  if ($('devices-dialog').open) renderPanel();
}

function detailOf(d) {
  if (d.state === 'UNAVAILABLE') return d.error || '';
  switch (d.category) {
    case 'CashDrawer': return t(d.drawerOpen ? 'devices.drawerOpen' : 'devices.drawerClosed');
    case 'LineDisplay': return (d.lines || []).map((l) => `「${l}」`).join(' ');
    case 'POSPrinter': return t('devices.printerDetail', { queued: d.queuedJobs || 0, printed: d.printed || 0 })
      + (d.error ? ` · ${tOr(`printer.fault.${d.error}`, d.error)}` : '');
    case 'Scanner': return t('devices.scannerDetail', { count: d.lastScan || 0 });
    default: return '';
  }
}

function renderPanel() {
  $('devices-list').tBodies[0].replaceChildren(...devices.list.map((d) => el('tr', { dataset: { device: d.logicalName, state: d.state } },
    el('td', {}, d.logicalName), el('td', {}, tOr(`devices.category.${d.category}`, d.category)),
    el('td', {}, tOr(`devices.state.${d.state}`, d.state)), el('td', {}, detailOf(d)))));
  const printer = device('POSPrinter');
  $('devices-receipt').textContent = printer && printer.lastReceipt ? printer.lastReceipt : t('devices.noReceipt');
  $('devices-receipt-file').textContent = printer && printer.lastReceiptFile ? printer.lastReceiptFile : '';
}

async function pollDevices() {
  if (!session.token) {
    devices.list = [];
    devices.lastScan = null;
    renderDevices();
    return;
  }
  try {
    devices.list = await terminalApi('GET', 'devices');
    const scanner = device('Scanner');
    // labels read before this page looked are not this cashier's
    if (devices.lastScan === null && scanner && scanner.lastScan !== undefined) devices.lastScan = scanner.lastScan;
    if (devices.lastScan !== null) await takeScans();
  } catch (e) {
    // the devices are a help, never a reason to stop selling: the next poll tries again
  }
  renderDevices();
}

// ─── the scanner's labels and photos go into the scan field ────────────────────────────────────

/** Each label the scanner read since the last one taken is entered in the scan field, as if typed and Enter pressed. */
async function takeScans() {
  const scans = await terminalApi('GET', `devices/scanner/scans?after=${devices.lastScan}`);
  for (const scan of scans) {
    // a label with nowhere to go now (a dialog without a field open) waits for the next poll
    if (!enterScan(scan.data)) return;
    devices.lastScan = Math.max(devices.lastScan, scan.seq);
  }
}

/**
 * A label goes where a keyboard-wedge scanner would type it: into the field of an open dialog that
 * has the focus (a slip at packing, a payment code), else into the scan field; then Enter. False
 * when it has nowhere to go yet.
 */
function enterScan(text) {
  if ($('sale-view').hidden) return false;
  const field = document.activeElement;
  const dialog = openDialogs()[0];
  if (dialog && field && field.tagName === 'INPUT' && dialog.contains(field) && field.form) {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.form.requestSubmit();
    return true;
  }
  if (dialog) return false;
  $('scan').value = text;
  $('scan-form').requestSubmit();
  return true;
}

$('scan-photo').addEventListener('click', () => $('scan-photo-file').click());

$('scan-photo-file').addEventListener('change', async () => {
  const file = $('scan-photo-file').files[0];
  $('scan-photo-file').value = '';
  if (!file) return;
  showError('scan-error', null);
  try {
    const read = await terminalApi('POST', 'scans/image', file, file.type === 'image/jpeg' ? 'image/jpeg' : 'image/png');
    enterScan(read.text);
  } catch (error) {
    showError('scan-error', error);
  }
  focusScan();
});

// ─── the devices panel and the simulators' controls ─────────────────────────────────────────────

function openDevices() {
  renderPanel();
  openDialog('devices-dialog');
  $('devices-dialog').querySelector('button[type="submit"]').focus();
  pollDevices();
}

$('devices-button').addEventListener('click', openDevices);
$('devices-form').addEventListener('submit', (event) => { event.preventDefault(); closeDialog('devices-dialog'); });

async function simulate(path, body) {
  showError('devices-error', null);
  try {
    await terminalApi('POST', `devices/${path}`, body);
  } catch (error) {
    showError('devices-error', error);
  }
  await pollDevices();
}

$('devices-drawer-close').addEventListener('click', () => simulate('drawer/close'));
$('devices-paper-out').addEventListener('click', () => simulate('printer/paper-out'));
$('devices-paper-loaded').addEventListener('click', () => simulate('printer/paper-loaded'));
$('devices-scan').addEventListener('click', async () => {
  const data = $('devices-scan-data').value.trim();
  if (!data) { $('devices-scan-data').focus(); return; }
  $('devices-scan-data').value = '';
  await simulate('scanner/scan', { data });
});

/** F10's found sale printed again on the counter's printer, as the copy the store gives (marked as a copy). */
$('find-print').addEventListener('click', async () => {
  const sale = state.found[state.foundSelected];
  if (!sale) { showError('find-error', t('find.selectFirst')); return; }
  showError('find-error', null);
  try {
    await terminalApi('POST', 'devices/printer/reprints', { saleId: sale.id });
    say(t('find.printQueued', { code: sale.slipCode || '' }), 'ok');
  } catch (error) {
    showError('find-error', error);
  }
});

devices.timer = setInterval(pollDevices, DEVICES_POLL_MS);
