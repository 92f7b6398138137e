// The customer display: asks the terminal what the customer should see a few times a second and
// redraws when the version changes. Shows the last answer while the terminal is away.
'use strict';

const POLL_MS = 300;
const $ = (id) => document.getElementById(id);
let shown = -1;

function draw(d) {
  const main = $('display');
  main.dataset.phase = d.phase;
  main.dataset.version = String(d.version);
  document.documentElement.lang = d.language;
  $('display-title').textContent = d.title;
  $('display-subtitle').textContent = d.subtitle || '';
  $('display-head-item').textContent = d.heads[0];
  $('display-head-quantity').textContent = d.heads[1];
  $('display-head-amount').textContent = d.heads[2];
  $('display-items').hidden = d.items.length === 0;
  $('display-items').querySelector('tbody').replaceChildren(...d.items.map((item) => {
    const tr = document.createElement('tr');
    for (const [text, cls] of [[item.name, ''], [item.quantity, 'num'], [item.amount, 'num']]) {
      const td = document.createElement('td');
      td.textContent = text;
      if (cls) td.className = cls;
      tr.append(td);
    }
    return tr;
  }));
  $('display-rows').replaceChildren(...d.rows.flatMap((row) => {
    const dt = document.createElement('dt');
    dt.textContent = row.label;
    const dd = document.createElement('dd');
    dd.textContent = row.value;
    return [dt, dd];
  }));
  $('display-line').textContent = d.lineDisplay.join('\n');
}

async function poll() {
  try {
    const answer = await fetch('../api/terminal/display', { headers: { Accept: 'application/json' }, cache: 'no-store',
      signal: AbortSignal.timeout(2000) });
    if (answer.ok) {
      const d = await answer.json();
      if (d.version !== shown) {
        draw(d);
        shown = d.version;
      }
    }
  } catch (e) {
    // the terminal is restarting or away: keep what is on screen and ask again
  }
  setTimeout(poll, POLL_MS);
}

poll();
