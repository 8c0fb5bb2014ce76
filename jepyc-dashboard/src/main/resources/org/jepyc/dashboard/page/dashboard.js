// The jepyc dashboard page: asks the server for the state every second, and for the selected
// result set's table, plot and failures whenever its notebook has been read again.
'use strict';

const token = new URLSearchParams(location.search).get('token');
const POLL_MS = 1000;
const view = {nb: null, set: null, version: -1, sort: null, desc: false, filter: '', offset: 0, limit: 50,
              x: null, y: null, group: null, groupChosen: false};
let chart = null;
let lastState = null;

function api(path, params) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') u.searchParams.set(k, v);
  }
  if (token) u.searchParams.set('token', token);
  return fetch(u, {cache: 'no-store'}).then(async r => {
    const body = await r.json().catch(() => ({error: 'HTTP ' + r.status}));
    if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
    return body;
  });
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
  return e;
}

function fmt(v) {
  if (typeof v === 'number' && !Number.isInteger(v)) return Number(v.toPrecision(6)).toString();
  if (v === null || v === undefined) return '';
  return String(v);
}

function duration(s) {
  if (typeof s !== 'number') return '?';
  s = Math.round(s);
  const h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
  return h + ':' + String(m).padStart(2, '0') + ':' + String(r).padStart(2, '0');
}

function setBar(bar, p) {
  const total = Math.max(1, p.total);
  const segs = bar.querySelectorAll('.seg');
  segs[0].style.width = (100 * p.done / total) + '%';
  segs[1].style.width = (100 * p.failed / total) + '%';
  segs[2].style.width = (100 * p.pending / total) + '%';
  bar.dataset.done = p.done; bar.dataset.failed = p.failed; bar.dataset.pending = p.pending; bar.dataset.total = p.total;
}

function miniBar(p) {
  const b = el('div', {class: 'bar mini'}, el('div', {class: 'seg done'}), el('div', {class: 'seg failed'}),
      el('div', {class: 'seg pending'}));
  setBar(b, p);
  return b;
}

function progressText(p) {
  const rate = typeof p.pointsPerSecond === 'number' ? p.pointsPerSecond.toPrecision(3) + ' points/s' : 'rate unknown';
  // a campaign with work left and no result for a while may have stopped: say since when instead
  const quiet = p.left + p.pending > 0 && p.secondsSinceLastResult > 60;
  const toGo = p.left + p.pending === 0 ? 'nothing left'
      : quiet ? 'no result for ' + duration(p.secondsSinceLastResult) : 'about ' + duration(p.secondsLeft) + ' left';
  return `${p.done} done, ${p.failed} failed, ${p.pending} pending, ${p.left} left of ${p.total} · ${rate} · ${toGo}`;
}

function renderCluster(c) {
  const s = document.getElementById('cluster');
  s.hidden = !c;
  if (!c) return;
  s.replaceChildren(el('h2', {}, 'Cluster ', el('span', {class: 'muted'}, c.connectionFile)));
  if (c.error) s.append(el('div', {class: 'error'}, c.error));
  if (c.members) {
    s.append(el('div', {id: 'cluster-summary'},
        `${c.members.length} workers, ${c.engines} engines, load ${(100 * c.load).toFixed(0)}% · ` +
        `queued ${c.queuedPoints} points (${c.queuedBatches} tasks) · running ${c.runningPoints} points ` +
        `(${c.runningBatches} tasks) · ${c.finishedBatches} tasks to collect`));
    const load = el('div', {class: 'bar'}, el('div', {class: 'seg done'}));
    load.firstChild.style.width = (100 * c.load) + '%';
    s.append(load, el('ul', {class: 'workers'}, ...c.members.map(m => el('li', {}, m))));
  }
}

function renderNotebooks(nbs) {
  const root = document.getElementById('notebooks');
  root.replaceChildren();
  for (const nb of nbs) {
    const card = el('div', {class: 'notebook'}, el('h2', {}, nb.file),
        el('div', {class: 'muted'}, nb.description || ''));
    if (nb.error) card.append(el('div', {class: 'error'}, nb.error));
    const t = el('table', {class: 'sets'}, el('thead', {}, el('tr', {},
        ...['tag', 'description', 'rows', 'failures', 'pending', 'lock', 'progress', ''].map(h => el('th', {}, h)))));
    const body = el('tbody');
    for (const s of nb.sets) {
      const selected = view.nb === nb.index && view.set === s.tag;
      body.append(el('tr', {class: selected ? 'selected' : '', 'data-tag': s.tag},
          el('td', {}, el('a', {onclick: () => select(nb.index, s.tag)}, s.tag), s.current ? ' (*)' : ''),
          el('td', {}, s.description || ''),
          el('td', {class: 'num'}, s.rows), el('td', {class: 'num'}, s.failures), el('td', {class: 'num'}, s.pending),
          el('td', {}, s.locked ? 'locked' : ''), el('td', {}, miniBar(s.progress)),
          el('td', {class: 'muted'}, progressText(s.progress))));
    }
    t.append(body);
    card.append(t);
    root.append(card);
  }
}

function selectedSet() {
  if (!lastState || view.nb === null) return null;
  const nb = lastState.notebooks[view.nb];
  return nb ? nb.sets.find(s => s.tag === view.set) || null : null;
}

function select(nb, tag) {
  view.nb = nb; view.set = tag; view.version = -1; view.sort = null; view.desc = false; view.offset = 0;
  view.x = view.y = view.group = null; view.groupChosen = false;
  renderNotebooks(lastState.notebooks);
  refreshDetail();
}

function fillSelect(id, names, chosen, optional) {
  const s = document.getElementById(id);
  s.replaceChildren(...(optional ? [el('option', {value: ''}, '(none)')] : []),
      ...names.map(n => el('option', {value: n}, n)));
  s.value = chosen || '';
}

function plotChoices(s) {
  // a summarised k is drawn as k_mean with its bars: offer k, not its companions
  const means = s.results.filter(r => r.endsWith('_mean')).map(r => r.slice(0, -5));
  const ys = means.length ? means : s.results;
  if (!view.y || !ys.includes(view.y)) view.y = ys[0] || null;
  // by default, against the parameter with the most values, grouped by the one with the fewest (if few)
  const byValues = s.parameters.filter(p => (s.distinct[p] || 0) > 1).sort((a, b) => s.distinct[b] - s.distinct[a]);
  if (!view.x || !s.parameters.includes(view.x)) view.x = byValues[0] || s.parameters[0] || null;
  if (view.group && !s.parameters.includes(view.group)) view.group = null;
  if (view.group === null && !view.groupChosen) {
    view.group = byValues.filter(p => p !== view.x && s.distinct[p] <= 20).pop() || null;
  }
  fillSelect('plot-y', ys, view.y, false);
  fillSelect('plot-x', s.parameters, view.x, false);
  fillSelect('plot-group', s.parameters.filter(p => p !== view.x), view.group, true);
}

function renderDetail(s) {
  document.getElementById('detail').hidden = false;
  document.getElementById('detail-title').textContent =
      lastState.notebooks[view.nb].file + ' : ' + s.tag + (s.description ? ' — ' + s.description : '');
  setBar(document.getElementById('progress-bar'), s.progress);
  document.getElementById('progress-text').textContent = progressText(s.progress);
  const kv = (id, m) => document.getElementById(id).replaceChildren(
      ...Object.entries(m).map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, fmt(v)))));
  kv('attributes', s.attributes);
  kv('provenance', s.provenance);
  plotChoices(s);
}

async function refreshDetail() {
  const s = selectedSet();
  if (!s) return;
  renderDetail(s);
  await Promise.all([refreshTable(), refreshPlot(), refreshFailures()]);
}

async function refreshTable() {
  const err = document.getElementById('table-error');
  try {
    const t = await api('/api/table', {nb: view.nb, set: view.set, sort: view.sort, desc: view.desc,
      filter: view.filter, offset: view.offset, limit: view.limit});
    err.textContent = '';
    const s = selectedSet();
    const thead = document.querySelector('#rows thead');
    thead.replaceChildren(el('tr', {}, ...t.columns.map(c => el('th', {onclick: () => sortBy(c)},
        c + (view.sort === c ? (view.desc ? ' ▼' : ' ▲') : '')))));
    const status = t.columns.indexOf('epyc.experiment.status');
    document.querySelector('#rows tbody').replaceChildren(...t.rows.map((r, i) =>
        el('tr', {class: status >= 0 && r[status] === false ? 'failed' : '', 'data-row': t.rowIds[i]},
            ...r.map(v => el('td', {class: typeof v === 'number' ? 'num' : ''}, fmt(v))))));
    const from = t.total === 0 ? 0 : t.offset + 1;
    document.getElementById('table-info').textContent =
        `rows ${from}–${t.offset + t.rows.length} of ${t.total}` + (s && t.total !== s.rows ? ` (filtered from ${s.rows})` : '');
    document.getElementById('table-info').dataset.total = t.total;
  } catch (e) {
    err.textContent = e.message;
  }
}

function sortBy(c) {
  if (view.sort === c) view.desc = !view.desc; else { view.sort = c; view.desc = false; }
  view.offset = 0;
  refreshTable();
}

const errorBars = {
  id: 'errorBars',
  afterDatasetsDraw(c) {
    const ctx = c.ctx, y = c.scales.y;
    c.data.datasets.forEach((ds, i) => {
      const meta = c.getDatasetMeta(i);
      if (meta.hidden) return;
      ctx.save();
      ctx.strokeStyle = ds.borderColor;
      ctx.lineWidth = 1;
      meta.data.forEach((pt, j) => {
        const e = ds.data[j].e;
        if (!e) return;
        const top = y.getPixelForValue(ds.data[j].y + e), bottom = y.getPixelForValue(ds.data[j].y - e);
        ctx.beginPath();
        ctx.moveTo(pt.x, top); ctx.lineTo(pt.x, bottom);
        ctx.moveTo(pt.x - 3, top); ctx.lineTo(pt.x + 3, top);
        ctx.moveTo(pt.x - 3, bottom); ctx.lineTo(pt.x + 3, bottom);
        ctx.stroke();
      });
      ctx.restore();
    });
  }
};
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

async function refreshPlot() {
  const canvas = document.getElementById('plot');
  const info = document.getElementById('plot-info');
  if (!view.x || !view.y) {
    info.textContent = 'nothing to plot yet';
    canvas.dataset.points = 0;
    return;
  }
  try {
    const p = await api('/api/plot', {nb: view.nb, set: view.set, x: view.x, y: view.y, group: view.group});
    const datasets = p.lines.map((l, i) => ({
      label: l.name, data: l.points.map(([x, y, e]) => ({x, y, e})), showLine: true,
      borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length], pointRadius: 3}));
    if (!chart) {
      chart = new Chart(canvas, {type: 'scatter', data: {datasets}, plugins: [errorBars],
        options: {animation: false, maintainAspectRatio: false,
          scales: {x: {title: {display: true, text: p.x}}, y: {title: {display: true, text: p.y}}}}});
    } else {
      chart.data.datasets = datasets;
    }
    chart.options.scales.x.title.text = p.x;
    chart.options.scales.y.title.text = p.y + (p.error ? ' (bars: ' + p.error.substring(p.y.replace(/_mean$/, '').length + 1) + ')' : '');
    chart.update('none');
    canvas.dataset.points = p.points;
    info.textContent = p.points + ' points' + (p.groups > p.lines.length && p.group ? ` (first ${p.lines.length} of ${p.groups} groups)` : '');
  } catch (e) {
    info.textContent = e.message;
  }
}

async function refreshFailures() {
  const f = await api('/api/failures', {nb: view.nb, set: view.set, limit: 20}).catch(e => ({total: 0, failures: [], error: e.message}));
  document.getElementById('failures-count').textContent = f.total ? `(${f.total})` : '(none)';
  document.getElementById('failures').replaceChildren(...f.failures.map(x =>
      el('details', {class: 'failure', 'data-row': x.row},
          el('summary', {}, `row ${x.row}: ` + Object.entries(x.parameters).map(([k, v]) => k + '=' + fmt(v)).join(', ')
              + ' — ' + (x.exception || '')),
          el('pre', {class: 'traceback'}, x.traceback || '(no traceback)'))));
}

async function poll() {
  try {
    lastState = await api('/api/state');
    document.getElementById('status').textContent = 'updated ' + new Date().toLocaleTimeString();
    renderCluster(lastState.cluster);
    if (view.nb === null) {
      const nb = lastState.notebooks.find(n => n.sets.length);
      if (nb) { view.nb = nb.index; view.set = (nb.sets.find(s => s.current) || nb.sets[0]).tag; }
    }
    renderNotebooks(lastState.notebooks);
    const nb = view.nb === null ? null : lastState.notebooks[view.nb];
    if (nb && nb.version !== view.version && selectedSet()) {
      view.version = nb.version;
      await refreshDetail();
    }
  } catch (e) {
    document.getElementById('status').textContent = 'not connected: ' + e.message;
  }
  setTimeout(poll, POLL_MS);
}

document.addEventListener('DOMContentLoaded', () => {
  let typing = null;
  document.getElementById('filter').addEventListener('input', e => {
    clearTimeout(typing);
    typing = setTimeout(() => { view.filter = e.target.value; view.offset = 0; refreshTable(); }, 300);
  });
  document.getElementById('prev').addEventListener('click', () => {
    view.offset = Math.max(0, view.offset - view.limit); refreshTable();
  });
  document.getElementById('next').addEventListener('click', () => {
    const total = Number(document.getElementById('table-info').dataset.total || 0);
    if (view.offset + view.limit < total) { view.offset += view.limit; refreshTable(); }
  });
  for (const [id, key] of [['plot-x', 'x'], ['plot-y', 'y'], ['plot-group', 'group']]) {
    document.getElementById(id).addEventListener('change', e => {
      view[key] = e.target.value || null;
      if (key === 'group') view.groupChosen = true;
      if (key === 'x' && view.group === view.x) view.group = null;
      const s = selectedSet(); if (s) plotChoices(s);
      refreshPlot();
    });
  }
  poll();
});
