'use strict';
/*
 * The trials table: filtered, sorted and paged on the server; only the rows on screen exist in the DOM.
 * options.first: {url, response}, the first page's request made before the table existed (see firstPageUrl); used when
 * the table's first request is that URL.
 */
TL.TrialTable = function (container, studyId, options) {
  const {el, fmt, fmtDuration, api, stateChip, infeasibleChip} = TL;
  const ROW = 28, PAGE = TL.TrialTable.PAGE;
  const opts = Object.assign({tall: false, objectives: 1}, options);
  let first = opts.first || null;
  const state = {filter: '', brush: '', sort: 'number', desc: false, metrics: [], total: 0, params: [], pages: new Map(),
    loading: new Map(), generation: 0, selected: new Set()};
  const filterInput = el('input', {type: 'text', class: 'wide', id: 'trial-filter',
    placeholder: 'Filter, e.g. state = COMPLETE AND (lr < 0.01 OR optimizer = adam) AND loss.min < 0.3'});
  const metricsInput = el('input', {type: 'text', id: 'metric-columns', list: 'metric-names', placeholder: 'metric columns: loss, accuracy'});
  const datalist = el('datalist', {id: 'metric-names'});
  const count = el('span', {class: 'muted', id: 'trial-count'});
  const brushNote = el('span', {class: 'chip', id: 'brush-filter', style: 'display:none'});
  const csv = el('a', {href: '#', id: 'csv-export', text: 'Export CSV'});
  const compare = el('button', {class: 'secondary', id: 'compare-selected', text: 'Compare selected', onclick: () => {
    if (state.selected.size < 2 || state.selected.size > 10) { alert('Select 2 to 10 trials to compare.'); return; }
    location.href = TL.page('/compare.html?trials=' + [...state.selected].join(','));
  }});
  const error = el('div');
  const head = el('div', {class: 'vt-head'});
  const spacer = el('div', {style: 'height:0'});
  const body = el('div', {class: 'vt-body' + (opts.tall ? ' tall' : '')}, spacer);
  container.append(el('div', {class: 'toolbar'}, filterInput, el('button', {text: 'Apply', onclick: applyFilter}), metricsInput,
    datalist, brushNote, count, csv, compare), error, el('div', {class: 'vt'}, head, body));

  function combined() {
    if (state.filter && state.brush) return '(' + state.filter + ') AND (' + state.brush + ')';
    return state.filter || state.brush;
  }
  function query(offset, limit) {
    return TL.TrialTable.query({filter: combined(), sort: state.sort, desc: state.desc, offset, limit, metrics: state.metrics.join(',')});
  }
  function columns() {
    const cols = [{key: '', label: '', w: '28px', cell: r => el('input', {type: 'checkbox', checked: state.selected.has(r.id),
      onchange: e => { e.target.checked ? state.selected.add(r.id) : state.selected.delete(r.id); }})},
      {key: 'number', label: '#', w: '64px', cell: r => el('a', {href: TL.page('/trial.html?id=' + r.id), text: '#' + r.number})},
      {key: 'state', label: 'state', w: '200px', cell: r => el('span', null, stateChip(r.state), infeasibleChip(r))}];
    for (let i = 0; i < opts.objectives; i++) {
      const key = opts.objectives === 1 ? 'value' : 'value' + i;
      cols.push({key, label: key, w: '110px', cell: r => fmt(r.values[i])});
    }
    cols.push({key: 'duration', label: 'duration', w: '86px', cell: r => fmtDuration(r.start, r.end)});
    for (const p of state.params) cols.push({key: '"' + p.replace(/"/g, '\\"') + '"', label: p, w: 'minmax(90px,1fr)', cell: r => fmt(r.params[p])});
    for (const m of state.metrics) for (const agg of ['last', 'min', 'max']) {
      cols.push({key: m + '.' + agg, label: m + '.' + agg, w: 'minmax(90px,1fr)', cell: r => r.metrics && r.metrics[m] ? fmt(r.metrics[m][agg]) : ''});
    }
    return cols;
  }
  let cols = columns();
  function template() { return cols.map(c => c.w).join(' '); }
  function renderHead() {
    cols = columns();
    head.style.gridTemplateColumns = template();
    head.replaceChildren(...cols.map(c => el('div', {title: c.label, text: c.label + (c.key && c.key === state.sort ? (state.desc ? ' ▼' : ' ▲') : ''),
      onclick: () => { if (!c.key) return; state.desc = state.sort === c.key ? !state.desc : false; state.sort = c.key; reload(); }})));
  }
  function renderRows() {
    const first = Math.max(0, Math.floor(body.scrollTop / ROW) - 10);
    const last = Math.min(state.total, Math.ceil((body.scrollTop + body.clientHeight) / ROW) + 10);
    const nodes = [spacer];
    for (let i = first; i < last; i++) {
      const page = Math.floor(i / PAGE);
      const rows = state.pages.get(page);
      if (!rows) { fetchPage(page); continue; }
      const r = rows[i - page * PAGE];
      if (!r) continue;
      nodes.push(el('div', {class: 'vt-row', 'data-number': r.number, style: 'top:' + (i * ROW) + 'px;grid-template-columns:' + template() + ';line-height:' + ROW + 'px'},
        cols.map(c => { const v = c.cell(r); return el('div', null, v instanceof Node ? v : String(v)); })));
    }
    body.replaceChildren(...nodes);
  }
  function fetchPage(page) {
    if (state.loading.has(page)) return state.loading.get(page);
    const generation = state.generation;
    const url = '/api/studies/' + studyId + '/table?' + query(page * PAGE, PAGE);
    const request = first && first.url === url ? first.response : api(url);
    first = null;
    const p = request.then(res => {
      if (generation !== state.generation) return;
      state.loading.delete(page);
      state.pages.set(page, res.rows);
      const paramsChanged = res.params.join('\u0000') !== state.params.join('\u0000');
      state.total = res.total;
      state.params = res.params;
      spacer.style.height = (state.total * ROW) + 'px';
      count.textContent = res.total + ' trials';
      if (paramsChanged) renderHead();
      renderRows();
      error.replaceChildren();
    }).catch(e => { state.loading.delete(page); error.replaceChildren(); TL.showError(error, e); });
    state.loading.set(page, p);
    return p;
  }
  function reload() {
    state.generation++;
    state.pages.clear();
    state.loading.clear();
    renderHead();
    csv.href = '/api/studies/' + studyId + '/table.csv?' + query(0, 100000);
    brushNote.style.display = state.brush ? '' : 'none';
    brushNote.textContent = state.brush ? 'brushed: ' + state.brush : '';
    return fetchPage(Math.floor(body.scrollTop / ROW / PAGE));
  }
  function applyFilter() {
    state.filter = filterInput.value.trim();
    state.metrics = metricsInput.value.split(',').map(s => s.trim()).filter(Boolean);
    body.scrollTop = 0;
    reload();
  }
  filterInput.addEventListener('keydown', e => { if (e.key === 'Enter') applyFilter(); });
  metricsInput.addEventListener('keydown', e => { if (e.key === 'Enter') applyFilter(); });
  body.addEventListener('scroll', () => requestAnimationFrame(renderRows));
  api('/api/studies/' + studyId + '/metric-names').then(names => datalist.replaceChildren(...names.map(n => el('option', {value: n}))));
  return {
    load: reload,
    /** Loads again; rejects when that failed (the table shows why), so that a live caller backs off (TL.oneAtATime). */
    refresh: () => reload().then(() => { if (error.firstChild) throw new Error(error.textContent); }),
    setBrush(expr) { state.brush = expr || ''; body.scrollTop = 0; return reload(); },
    total: () => state.total,
  };
};
/** Rows per request. */
TL.TrialTable.PAGE = 200;
/** A request's query: {filter, sort, desc, offset, limit, metrics} in the server's order. */
TL.TrialTable.query = q => new URLSearchParams({filter: q.filter, sort: q.sort, desc: q.desc, offset: q.offset, limit: q.limit, metrics: q.metrics});
/** The URL of a table's first page as it first loads it (no filter, by number): a page may request it early. */
TL.TrialTable.firstPageUrl = studyId => '/api/studies/' + studyId + '/table?'
  + TL.TrialTable.query({filter: '', sort: 'number', desc: false, offset: 0, limit: TL.TrialTable.PAGE, metrics: ''});
