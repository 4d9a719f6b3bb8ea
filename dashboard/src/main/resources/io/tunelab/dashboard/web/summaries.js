'use strict';
/*
 * TensorBoard's other dashboards over runs picked as on the Scalars page: Histograms (one offset ridge per step),
 * Distributions (percentile bands over steps), Images (a step slider per run), Text (Markdown, built as DOM nodes
 * from text: no user string ever goes through innerHTML) and PR curves.
 */
(async () => {
  const {el, esc, fmt, api, showError, nav} = TL;
  nav('Summaries');
  const main = document.getElementById('main');
  const MAX_RUNS = 50;
  const MAX_RIDGES = 50;
  const VIEWS = [['histograms', 'Histograms', 'HISTOGRAM'], ['distributions', 'Distributions', 'HISTOGRAM'],
    ['images', 'Images', 'IMAGE'], ['text', 'Text', 'TEXT'], ['pr', 'PR curves', 'PR_CURVE']];
  const S = {view: VIEWS.some(v => v[0] === TL.param('view')) ? TL.param('view') : 'histograms', runs: [], chosen: new Set(),
    tags: [], tag: null, tagRuns: [], data: [], lazy: null};
  const regex = el('input', {type: 'search', id: 'run-regex', placeholder: 'regex over "study #number"', value: TL.param('regex') || ''});
  const info = el('div', {class: 'muted', id: 'run-info'});
  const list = el('div', {class: 'runs', id: 'runs'});
  const tabs = el('div', {class: 'toolbar', id: 'views'}, VIEWS.map(([v, t]) => el('button', {'data-view': v, text: t, onclick: () => {
    S.view = v; updateTabs(); loadTags(); }})));
  const tagSelect = el('select', {id: 'tag'});
  const errors = el('div');
  const out = el('div', {id: 'summary-views'});
  main.append(el('h1', {text: 'Summaries'}), el('div', {class: 'side'},
    el('div', {class: 'panel'}, el('div', {class: 'toolbar'}, regex, el('button', {text: 'Find', onclick: loadRuns})), info,
      el('div', {class: 'toolbar'}, el('button', {class: 'secondary', text: 'First ' + MAX_RUNS, onclick: () => choose(S.runs.slice(0, MAX_RUNS))}),
        el('button', {class: 'secondary', text: 'None', onclick: () => choose([])})), list),
    el('div', null, el('div', {class: 'panel'}, tabs, el('div', {class: 'toolbar'}, 'tag ', tagSelect)), errors, out)));

  const kindOf = view => VIEWS.find(v => v[0] === view)[2];
  function updateTabs() {
    tabs.querySelectorAll('button').forEach(b => { b.className = b.dataset.view === S.view ? '' : 'secondary'; });
  }
  const labelOf = id => (S.runs.find(r => r.id === id) || {label: 'trial ' + id}).label;
  const ids = () => [...S.chosen];

  /* ---------- Markdown as DOM nodes: headings, paragraphs, lists, tables, code, emphasis, http(s) links ---------- */
  const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;
  function inline(text) {
    const nodes = [];
    let at = 0;
    for (const m of text.matchAll(INLINE)) {
      if (m.index > at) nodes.push(text.slice(at, m.index));
      if (m[1]) nodes.push(el('code', {text: m[1].slice(1, -1)}));
      else if (m[2]) nodes.push(el('strong', null, inline(m[2].slice(2, -2))));
      else if (m[3]) nodes.push(el('em', null, inline(m[3].slice(1, -1))));
      else nodes.push(el('a', {href: m[5], rel: 'noopener noreferrer', target: '_blank', text: m[4]}));
      at = m.index + m[0].length;
    }
    if (at < text.length) nodes.push(text.slice(at));
    return nodes;
  }
  const cells = line => line.trim().replace(/^\||\|$/g, '').split('|').map(c => c.trim());
  function markdown(source) {
    const root = el('div', {class: 'markdown'});
    const lines = String(source).split(/\r?\n/);
    let para = [];
    const flush = () => { if (para.length) root.append(el('p', null, inline(para.join(' ')))); para = []; };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      let m;
      if (line.startsWith('```')) {
        flush();
        const code = [];
        for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
        root.append(el('pre', null, el('code', {text: code.join('\n')})));
      } else if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
        flush();
        root.append(el('h' + Math.min(6, m[1].length + 2), null, inline(m[2])));
      } else if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
        flush();
        const ordered = /^\s*\d+\./.test(line);
        const items = [];
        for (; i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i]); i++) items.push(el('li', null, inline(lines[i].replace(/^\s*([-*]|\d+\.)\s+/, ''))));
        i--;
        root.append(el(ordered ? 'ol' : 'ul', null, items));
      } else if (line.trim().startsWith('|')) {
        flush();
        const rows = [];
        for (; i < lines.length && lines[i].trim().startsWith('|'); i++) if (!/^\s*\|[\s:|-]+\|\s*$/.test(lines[i])) rows.push(cells(lines[i]));
        i--;
        root.append(el('table', {class: 'md-table'}, rows.map((r, k) => el('tr', null, r.map(c => el(k ? 'td' : 'th', null, inline(c)))))));
      } else if (!line.trim()) {
        flush();
      } else {
        para.push(line.trim());
      }
    }
    flush();
    return root;
  }

  /* ---------- views ---------- */
  function card(trialId, body) {
    return el('div', {class: 'panel summary-run', 'data-trial': trialId}, el('h3', {class: 'run-label', text: labelOf(trialId)}), body);
  }
  function evenly(items, n) {
    if (items.length <= n) return items;
    return Array.from({length: n}, (_, k) => items[Math.round(k * (items.length - 1) / (n - 1))]);
  }
  /**
   * A run's histograms as typed arrays: for histogram i, its step, the edges lo[i]..hi[i] of its equal bins and
   * their counts at counts[start[i]] to counts[start[i + 1]] (none for an empty one), and its 9 percentiles.
   */
  function decodeHistograms(summaries) {
    const n = summaries.length;
    const h = {n, steps: new Float64Array(n), lo: new Float64Array(n), hi: new Float64Array(n), start: new Uint32Array(n + 1),
      counts: new Float64Array(summaries.reduce((t, s) => t + s.counts.length, 0)), pct: new Float64Array(n * 9).fill(NaN)};
    summaries.forEach((s, i) => {
      h.steps[i] = s.step; h.lo[i] = TL.num(s.lo); h.hi[i] = TL.num(s.hi);
      h.counts.set(s.counts, h.start[i]);
      h.start[i + 1] = h.start[i] + s.counts.length;
      if (s.percentiles.length === 9) h.pct.set(s.percentiles.map(TL.num), i * 9);
    });
    return h;
  }
  /** A run's last 10 PR curves, each a typed array of (recall, precision) per threshold; n counts all it logged. */
  function decodePrCurves(summaries) {
    return {n: summaries.length, curves: summaries.slice(-10).map(c => ({step: c.step,
      points: Float64Array.from(c.recall.flatMap((r, t) => [TL.num(r), TL.num(c.precision[t])]))}))};
  }
  /** TensorBoard's offset view: one ridge per step (up to MAX_RIDGES, evenly spread), each a typed array of (x, y, count). */
  function histogramOption(h) {
    const rows = evenly(Array.from({length: h.n}, (_, i) => i).filter(i => h.start[i + 1] > h.start[i]), MAX_RIDGES);
    if (!rows.length) return null;
    const first = h.steps[rows[0]], last = h.steps[rows[rows.length - 1]];
    const spacing = rows.length > 1 ? (last - first) / (rows.length - 1) || 1 : 1;
    const width = i => (h.hi[i] - h.lo[i]) / (h.start[i + 1] - h.start[i]);
    let top = 0;
    for (const i of rows) for (let b = h.start[i]; b < h.start[i + 1]; b++) top = Math.max(top, h.counts[b] / width(i));
    top = top || 1;
    const series = rows.map((i, r) => {
      const bins = h.start[i + 1] - h.start[i], w = width(i), data = new Float64Array(3 * bins);
      for (let b = 0; b < bins; b++) {
        const count = h.counts[h.start[i] + b];
        data[3 * b] = h.lo[i] + (b + 0.5) * w;
        data[3 * b + 1] = h.steps[i] - 2.5 * spacing * (count / w) / top;
        data[3 * b + 2] = count;
      }
      return {name: 'step ' + h.steps[i], type: 'line', dimensions: ['x', 'y', 'count'], encode: {x: 0, y: 1}, showSymbol: false,
        lineStyle: {width: 1, color: `hsl(25, 90%, ${75 - 45 * r / Math.max(1, rows.length - 1)}%)`}, data};
    });
    // the step axis' name along it, left of its labels: at its top end (its start, the axis being inverse) it was cut off
    return {animation: false, grid: {left: 72, right: 24, top: 16, bottom: 40},
      tooltip: {trigger: 'item', confine: true, formatter: p => esc(p.seriesName) + '<br>x ≈ ' + esc(fmt(p.value[0])) + ': ' + esc(fmt(p.value[2]))},
      xAxis: {type: 'value', scale: true},
      yAxis: {type: 'value', inverse: true, name: 'step', nameLocation: 'middle', nameGap: 52, min: first - 2.6 * spacing, max: last,
        axisLabel: {formatter: v => v < first ? '' : fmt(v)}}, series};
  }
  /** Bands of percentiles over steps: each band stacked on its lower edge, and the median. */
  function distributionOption(h) {
    const rows = Array.from({length: h.n}, (_, i) => i).filter(i => !Number.isNaN(h.pct[i * 9]));
    if (!rows.length) return null;
    const column = f => { const d = new Float64Array(2 * rows.length); rows.forEach((i, r) => { d[2 * r] = h.steps[i]; d[2 * r + 1] = f(i); }); return d; };
    const series = [];
    [[0, 8], [1, 7], [2, 6], [3, 5]].forEach(([lo, hi], band) => {
      series.push({type: 'line', stack: 'b' + band, showSymbol: false, lineStyle: {opacity: 0}, silent: true, data: column(i => h.pct[i * 9 + lo])});
      series.push({name: 'band ' + band, type: 'line', stack: 'b' + band, showSymbol: false, lineStyle: {opacity: 0},
        areaStyle: {color: '#e8710a', opacity: 0.18 + 0.12 * band}, data: column(i => h.pct[i * 9 + hi] - h.pct[i * 9 + lo])});
    });
    series.push({name: 'median', type: 'line', showSymbol: false, lineStyle: {color: '#b35200', width: 1.5}, data: column(i => h.pct[i * 9 + 4])});
    return {animation: false, grid: {left: 64, right: 24, top: 16, bottom: 40},
      tooltip: {trigger: 'axis', confine: true, formatter: ps => {
        const i = rows.find(j => h.steps[j] === ps[0].value[0]);
        return i === undefined ? '' : 'step ' + esc(h.steps[i]) + '<br>' + Array.from(h.pct.subarray(i * 9, i * 9 + 9), v => esc(fmt(v))).join(' · ');
      }},
      xAxis: {type: 'value', name: 'step', min: 'dataMin', max: 'dataMax'}, yAxis: {type: 'value', scale: true}, series};
  }
  function prOption({curves}) {
    if (!curves.length) return null;
    const series = curves.map((c, i) => ({name: 'step ' + c.step, type: 'line', showSymbol: false,
      lineStyle: {width: i === curves.length - 1 ? 2 : 1, opacity: 0.35 + 0.65 * (i + 1) / curves.length}, data: c.points}));
    return {animation: false, legend: {type: 'scroll', top: 0}, grid: {left: 64, right: 24, top: 36, bottom: 40},
      tooltip: {trigger: 'item', confine: true, formatter: p => esc(p.seriesName) + '<br>recall ' + esc(fmt(p.value[0])) + ', precision ' + esc(fmt(p.value[1]))},
      xAxis: {type: 'value', name: 'recall', min: 0, max: 1}, yAxis: {type: 'value', name: 'precision', min: 0, max: 1}, series};
  }
  /** The chart views: each run's card is drawn only near the viewport (TL.LazyCharts), its data fetched then. */
  const CHARTS = {histograms: ['histogram-', decodeHistograms, histogramOption], distributions: ['distribution-', decodeHistograms, distributionOption],
    pr: ['pr-', decodePrCurves, prOption]};
  function images(run, k) {
    if (!run.summaries.length) return;
    const last = run.summaries.length - 1;
    const img = el('img', {class: 'summary-image', id: 'image-' + k, alt: S.tag, src: run.summaries[last].src});
    const label = el('span', {class: 'muted step-label', text: 'step ' + run.summaries[last].step});
    const slider = el('input', {type: 'range', class: 'step-slider', id: 'slider-' + k, min: 0, max: last, step: 1, value: last});
    slider.addEventListener('input', () => {
      const s = run.summaries[Number(slider.value)];
      img.src = s.src; label.textContent = 'step ' + s.step;
    });
    out.append(card(run.trialId, el('div', null, el('div', {class: 'toolbar'}, slider, label), img)));
  }
  function texts(run) {
    if (!run.summaries.length) return;
    out.append(card(run.trialId, [...run.summaries].reverse().map(s => el('div', {class: 'text-step'},
      el('div', {class: 'muted', text: 'step ' + s.step}), markdown(s.markdown)))));
  }
  const fetchRuns = async ids => (await api('/api/summaries?trials=' + ids.join(',') + '&tag=' + encodeURIComponent(S.tag))).runs;
  /** Lays the view out; resolves when what is in the viewport is drawn with its data. */
  function render() {
    if (S.lazy) S.lazy.clear();
    S.lazy = null;
    out.replaceChildren();
    if (!S.tag) { out.append(el('div', {class: 'panel muted', text: 'The chosen runs logged no ' + VIEWS.find(v => v[0] === S.view)[1].toLowerCase() + '.'})); return Promise.resolve(); }
    if (!CHARTS[S.view]) {
      const draw = {images, text: texts}[S.view];
      S.data.forEach((run, k) => draw(run, k));
      return Promise.resolve();
    }
    const [prefix, decode, option] = CHARTS[S.view];
    const lazy = S.lazy = TL.LazyCharts(async keys => {
      const runs = await fetchRuns(keys);
      if (!performance.getEntriesByName('summaries-loaded').length) performance.mark('summaries-loaded');
      return new Map(runs.map(r => [r.trialId, decode(r.summaries)]));
    }, (key, data) => option(data));
    S.tagRuns.forEach((id, k) => {
      const div = el('div', {class: 'chart', id: prefix + k, style: 'height:360px'});
      out.append(card(id, div));
      lazy.add(id, div);
    });
    return lazy.visibleDrawn();
  }

  /* ---------- data ---------- */
  async function loadData() {
    errors.replaceChildren();
    try {
      S.data = S.tag && S.chosen.size && !CHARTS[S.view] ? await fetchRuns(ids()) : [];
      await render();
      performance.mark('summaries-drawn');
    } catch (e) { showError(errors, e); }
  }
  async function loadTags() {
    errors.replaceChildren();
    try {
      S.tags = S.chosen.size ? (await api('/api/summary-tags?trials=' + ids().join(','))).tags : [];
      const names = S.tags.filter(t => t.kind === kindOf(S.view)).map(t => t.tag);
      tagSelect.replaceChildren(...names.map(t => el('option', {value: t, text: t})));
      S.tag = names.includes(S.tag) ? S.tag : (names.includes(TL.param('tag')) ? TL.param('tag') : names[0] || null);
      tagSelect.value = S.tag || '';
      selectTag();
      await loadData();
    } catch (e) { showError(errors, e); }
  }
  /** The chosen runs that logged the tag, in the order they were chosen. */
  function selectTag() {
    const t = S.tags.find(x => x.tag === S.tag && x.kind === kindOf(S.view));
    const has = new Set(t ? t.trials : []);
    S.tagRuns = ids().filter(id => has.has(id));
  }
  function choose(runs) {
    S.chosen = new Set(runs.map(r => r.id));
    list.querySelectorAll('input').forEach(box => { box.checked = S.chosen.has(Number(box.value)); });
    return loadTags();
  }
  function runItem(r) {
    return el('label', {title: r.label}, el('input', {type: 'checkbox', value: r.id, checked: S.chosen.has(r.id), onchange: e => {
      if (e.target.checked && S.chosen.size >= MAX_RUNS) { e.target.checked = false; return; }
      e.target.checked ? S.chosen.add(r.id) : S.chosen.delete(r.id); loadTags(); }}), ' ' + r.label + ' ',
    el('span', {class: 'muted', text: r.state.toLowerCase()}));
  }
  async function loadRuns() {
    errors.replaceChildren();
    try {
      const res = await api('/api/runs?limit=2000&regex=' + encodeURIComponent(regex.value));
      S.runs = res.runs;
      info.textContent = res.matched + ' runs match' + (res.matched > res.runs.length ? ', first ' + res.runs.length + ' listed' : '');
      list.replaceChildren(...S.runs.map(runItem));
      await choose(S.runs.slice(0, Math.min(Number(TL.param('select')) || 10, MAX_RUNS)));
    } catch (e) { showError(errors, e); }
  }
  /**
   * Live update. A chart view asks for the chosen runs' tags again (a new tag or a run new to the tag lays the view
   * out again) and fetches only the runs whose data it holds, updating those whose count of summaries changed (drawn
   * at once if on screen). The other views fetch every chosen run and redraw, keeping each image slider where it
   * was if it was not at the end.
   */
  async function refresh() {
    if (!S.chosen.size) return;
    if (CHARTS[S.view]) {
      const names = tags => tags.filter(t => t.kind === kindOf(S.view)).map(t => t.tag).join('\u0000');
      const before = S.tagRuns.join(','), tags = (await api('/api/summary-tags?trials=' + ids().join(','))).tags;
      if (names(tags) !== names(S.tags)) { await loadTags(); return; }
      S.tags = tags;
      selectTag();
      if (S.tagRuns.join(',') !== before) { await render(); return; }
      const lazy = S.lazy, held = lazy ? lazy.loadedKeys() : [];
      if (!held.length) return;
      const [, decode] = CHARTS[S.view];
      for (const r of await fetchRuns(held)) {
        const had = lazy.data(r.trialId);
        if (!had || had.n !== r.summaries.length) lazy.update(r.trialId, decode(r.summaries));
      }
      return;
    }
    if (!S.tag) return;
    const count = runs => runs.reduce((n, r) => n + r.summaries.length, 0);
    const res = await fetchRuns(ids());
    if (count(res) === count(S.data)) return;
    if (S.view === 'images' && out.querySelector('.step-slider:focus')) return;
    S.data = res;
    render();
  }
  regex.addEventListener('keydown', e => { if (e.key === 'Enter') loadRuns(); });
  tagSelect.addEventListener('change', () => { S.tag = tagSelect.value; selectTag(); loadData(); });
  updateTabs();
  await loadRuns();
  TL.ready();
  TL.events({}, TL.throttle(TL.oneAtATime(refresh), 2000));
})();
