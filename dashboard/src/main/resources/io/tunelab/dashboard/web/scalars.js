'use strict';
/*
 * The TensorBoard view: runs from any study; a card per tag (metric), grouped by the prefix before the tag's first "/"
 * (train/, validation/), each overlaying the selected runs, with EMA smoothing, a step/relative/wall x-axis, its own log
 * scale and CSV/JSON downloads (every point). A regex filters the tags; "ignore outliers" scales the y-axes to the 5th-95th percentile
 * of the values. One request loads every shown tag of the selected runs. A selected run without a card's tag is not
 * drawn and the card's note names it; an empty page or card says why it is empty.
 *
 * As in TensorBoard, a card's chart is drawn only when the card is within NEAR px of the viewport (an
 * IntersectionObserver draws the others as they scroll in): a card out of view keeps its data, and a change to it (new
 * points, smoothing) marks it stale, drawn when it comes into view. A card far away gives up its chart and its data (a
 * page of many tags and runs holds only those near the viewport; see far-cards.js): it is fetched again, with the cards
 * coming back with it, and drawn as it comes near, in the zoom window it had. A group's heading collapses
 * and expands it; the cards of a collapsed group are not drawn. A zoomed card keeps its zoom window while live points
 * are appended to it; a double click on the chart resets the zoom (and it stays live).
 */
(async () => {
  const {el, esc, fmt, finite, api, showError, nav} = TL;
  nav('Scalars');
  const main = document.getElementById('main');
  const MAX_RUNS = 50, MAX_SERIES = 2000, NEAR = 200;
  const S = {runs: [], tags: [], shown: [], chosen: new Set(), data: new Map(), smoothing: 0.6, x: 'step', outliers: true,
    cursor: null, regex: '', collapsed: new Set(), loading: false};
  // tag -> {tag, root, chartDiv, empty, missing, note, log, downloads, range (the step range held at full resolution),
  // zoom (the x window shown, null: all), stale (its chart is not drawn from the data held),
  // released (far away: no chart, no data held), restoring (its data is being fetched again)}
  const cards = new Map();
  /** Draws a stale card as it comes within NEAR px of the viewport; a released one once its data is back. */
  const inView = new IntersectionObserver(entries => {
    const back = [];
    for (const e of entries) {
      const c = e.isIntersecting && cards.get(e.target.dataset.tag);
      if (!c || c.root !== e.target || !c.stale || c.restoring || S.loading) continue;
      if (c.released) back.push(c); else paint(c);
    }
    if (back.length) far.restore(back);
  }, {rootMargin: NEAR + 'px 0px'});
  const far = TL.FarCards({
    cardOf: root => { const c = cards.get(root.dataset.tag); return c && c.root === root ? c : null; },
    drop: tag => S.data.delete(tag),
    fetch: (tags, range) => fetchSeries([...S.chosen].filter(id => tags.some(t => mayHave(byId(id), t))), tags, range),
    near, paint, failed: e => showError(errors, e)});
  const regex = el('input', {type: 'search', id: 'run-regex', placeholder: 'regex over "study #number"', value: TL.param('regex') || ''});
  const info = el('div', {class: 'muted', id: 'run-info'});
  const list = el('div', {class: 'runs', id: 'runs'});
  const tagFilter = el('input', {type: 'search', id: 'tag-filter', placeholder: 'filter tags (regex)', value: TL.param('tagFilter') || ''});
  const smoothing = el('input', {type: 'range', id: 'smoothing', min: 0, max: 0.99, step: 0.01, value: S.smoothing});
  const smoothLabel = el('span', {text: String(S.smoothing)});
  const xaxis = el('select', {id: 'x-axis'}, [['step', 'step'], ['relative', 'relative time (h)'], ['wall', 'wall time']].map(([v, t]) => el('option', {value: v, text: t})));
  const outliers = el('input', {type: 'checkbox', id: 'scalars-outliers', checked: S.outliers});
  const errors = el('div');
  const empty = el('div', {id: 'scalars-empty', class: 'muted'});
  const grid = el('div', {id: 'scalars-cards'});
  main.append(el('h1', {text: 'Scalars'}), el('div', {class: 'side'},
    el('div', {class: 'panel'}, el('div', {class: 'toolbar'}, regex, el('button', {text: 'Find', onclick: loadRuns})), info,
      el('div', {class: 'toolbar'}, el('button', {class: 'secondary', text: 'First ' + MAX_RUNS, title: 'the first runs that logged a tag shown (or nothing yet)',
        onclick: () => choose(candidates().slice(0, MAX_RUNS))}),
        el('button', {class: 'secondary', text: 'None', onclick: () => choose([])})), list),
    el('div', null, el('div', {class: 'panel toolbar'}, tagFilter, ' smoothing ', smoothing, smoothLabel, ' x-axis ', xaxis,
      el('label', {title: 'scale each y-axis to the 5th-95th percentile of its values'}, outliers, ' ignore outliers in chart scaling')),
    errors, el('div', {class: 'muted'}, empty), grid)));

  /** TensorBoard's debiased exponential moving average. */
  function ema(values, w) {
    if (!w) return values;
    let last = 0, n = 0;
    return values.map(v => {
      if (v == null) return null;
      last = last * w + (1 - w) * v; n++;
      return last / (1 - Math.pow(w, n));
    });
  }
  function xOf(s, i) {
    if (S.x === 'step') return s.steps[i];
    if (S.x === 'wall') return s.wallTimes[i];
    return (s.wallTimes[i] - s.wallTimes[0]) / 3600000;
  }
  const byId = id => S.runs.find(r => r.id === id);
  const label = id => (byId(id) || {label: 'trial ' + id}).label;
  /** Whether a run may hold the tag: it logged it, or has logged nothing we know of yet (it may still). */
  const mayHave = (r, tag) => !r || !r.metrics || !r.metrics.length || r.metrics.includes(tag);
  /** The runs the selection starts from: those that logged a tag shown, or nothing yet, in list order. */
  const candidates = () => S.shown.length ? S.runs.filter(r => S.shown.some(t => mayHave(r, t))) : S.runs;
  const groupOf = tag => tag.includes('/') ? tag.slice(0, tag.indexOf('/')) : '';
  const held = tag => S.data.get(tag) || S.data.set(tag, new Map()).get(tag);

  /** The tags the filter leaves, as cards grouped by prefix (tags without one first); true when they changed. */
  function showTags() {
    let re = null;
    tagFilter.setCustomValidity('');
    try { re = tagFilter.value ? new RegExp(tagFilter.value, 'i') : null; } catch (e) { tagFilter.setCustomValidity('not a valid regular expression'); }
    const shown = S.tags.filter(t => !re || re.test(t));
    if (shown.join('\n') === S.shown.join('\n') && cards.size === shown.length) return false;
    S.shown = shown;
    inView.disconnect();
    far.disconnect();
    for (const c of cards.values()) { const chart = echarts.getInstanceByDom(c.chartDiv); if (chart) chart.dispose(); }
    cards.clear();
    const groups = new Map();
    for (const t of shown) (groups.get(groupOf(t)) || groups.set(groupOf(t), []).get(groupOf(t))).push(t);
    const names = [...groups.keys()].sort((a, b) => (a !== '') - (b !== '') || (a < b ? -1 : a > b ? 1 : 0));
    grid.replaceChildren(...names.map(g => el('section', {class: 'tag-group' + (S.collapsed.has(g) ? ' collapsed' : ''), 'data-group': g},
      g ? groupHeading(g) : null, el('div', {class: 'cards'}, groups.get(g).map(t => card(t).root)))));
    cards.forEach(c => { inView.observe(c.root); far.observe(c.root); });
    return true;
  }
  /** A group's heading: a click (or Enter) collapses or expands its cards, as TensorBoard's group headers do. */
  function groupHeading(g) {
    const toggle = () => {
      const section = heading.parentNode, collapsed = section.classList.toggle('collapsed');
      if (collapsed) S.collapsed.add(g); else S.collapsed.delete(g);
      heading.setAttribute('aria-expanded', String(!collapsed));
    };
    const heading = el('h2', {class: 'group-toggle', role: 'button', tabindex: 0, 'aria-expanded': String(!S.collapsed.has(g)),
      title: 'collapse or expand the ' + g + ' cards', text: g, onclick: toggle,
      onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } }});
    return heading;
  }
  function card(tag) {
    const c = {tag, range: null, zoom: null, stale: true, chartDiv: el('div', {class: 'chart'}), empty: el('div', {class: 'muted card-empty'}),
      missing: el('div', {class: 'muted card-missing'}), note: el('div', {class: 'muted card-note'}),
      log: el('input', {type: 'checkbox', class: 'card-log'}), downloads: el('span', {class: 'card-downloads'})};
    c.root = el('div', {class: 'panel scalar-card', 'data-tag': tag},
      el('div', {class: 'card-head'}, el('strong', {class: 'card-tag', text: tag}),
        el('label', {title: 'logarithmic y-axis'}, c.log, ' log'), c.downloads), c.empty, c.missing, c.note, c.chartDiv);
    c.log.addEventListener('change', () => { if (!c.released) paint(c); });
    cards.set(tag, c);
    return c;
  }
  /** Why nothing is drawn at all, or '' when something is. */
  function emptyReason(drawn) {
    if (drawn) return '';
    if (!S.runs.length) return S.regex ? 'no run matches "' + S.regex + '"' : 'no runs yet';
    if (!S.tags.length) return 'no scalars logged yet: a run shows here once its trial reports an intermediate value or logs a metric';
    if (!S.shown.length) return 'no tag matches "' + tagFilter.value + '"';
    if (!S.chosen.size) return 'no run selected: tick runs in the list';
    return 'no run in the selection logged ' + (S.shown.length === 1 ? S.shown[0] : 'any of the ' + S.shown.length + ' tags shown');
  }
  /** The q-quantile (0..1) of sorted numbers, interpolated. */
  function quantile(sorted, q) {
    const at = (sorted.length - 1) * q, lo = Math.floor(at);
    return lo + 1 < sorted.length ? sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (at - lo) : sorted[lo];
  }
  /** The y-range of the values within their 5th-95th percentile, padded (in log space on a log axis) and rounded as TL.hug. */
  function withoutOutliers(values, log) {
    const vs = values.filter(v => v != null && (!log || v > 0)).map(v => log ? Math.log10(v) : v).sort((a, b) => a - b);
    if (vs.length < 2) return {};
    const range = TL.hug([quantile(vs, 0.05), quantile(vs, 0.95)]);
    return log ? {min: Math.pow(10, range.min), max: Math.pow(10, range.max)} : range;
  }
  /** The x-axis: whole ticks on the step axis; around a single x (a run of one epoch) its point sits in the middle. */
  function xAxisOf(xs) {
    const axis = {name: S.x === 'relative' ? 'hours' : S.x, nameLocation: 'middle', nameGap: 22, min: 'dataMin', max: 'dataMax'};
    if (S.x === 'step') return TL.stepAxis(xs, axis);
    Object.assign(axis, {type: S.x === 'wall' ? 'time' : 'value'});
    const half = S.x === 'wall' ? 60000 : 1 / 60;
    if (xs.length && xs.every(x => x === xs[0])) Object.assign(axis, {min: xs[0] - half, max: xs[0] + half});
    return axis;
  }
  function seriesOf(tag) {
    const series = [];
    for (const [runId, s] of S.data.get(tag) || []) {
      if (!S.chosen.has(runId) || !s.steps.length) continue;
      const ys = s.values.map(finite);
      const sm = ema(ys, S.smoothing);
      const name = label(runId);
      // a run of one point (a trial pruned after its first epoch) is a marker: a line of one point draws nothing
      series.push({name, type: 'line', showSymbol: sm.length === 1, sampling: 'none', data: sm.map((y, i) => [xOf(s, i), y]),
        lineStyle: {width: 1.5}, raw: ys});
      if (S.smoothing > 0) series.push({name, type: 'line', showSymbol: false, data: ys.map((y, i) => [xOf(s, i), y]),
        lineStyle: {width: 1, opacity: 0.2}, tooltip: {show: false}, silent: true});
    }
    return series;
  }
  /** Whether the card is within NEAR px of the viewport, in an expanded group. */
  function near(c) {
    if (c.root.closest('.tag-group.collapsed')) return false;
    const r = c.root.getBoundingClientRect();
    return r.height > 0 && r.bottom > -NEAR && r.top < innerHeight + NEAR;
  }
  /** Whether the card's data is not held: released, or on its way back. */
  const pending = c => c.released || c.restoring;
  /** Whether a chosen run holds a point of the tag; of a pending card's tag, whether a chosen run may. */
  const hasPoints = tag => cards.has(tag) && pending(cards.get(tag)) ? [...S.chosen].some(id => mayHave(byId(id), tag))
    : [...(S.data.get(tag) || [])].some(([id, s]) => S.chosen.has(id) && s.steps.length);
  /** The tags whose data is held (the cards not released), of those shown. */
  const heldTags = () => S.shown.filter(t => !cards.get(t).released);
  /** Draws the card if it is near the viewport, else marks it stale (drawn as it comes near); true when it has a point. */
  function draw(c) {
    if (near(c) && !pending(c)) return paint(c);
    c.stale = true;
    return hasPoints(c.tag);
  }
  /** The x window shown when the card is zoomed ([from, to] in x values), or null when it shows every x. */
  function zoomOf(chart) {
    const z = (chart.getOption().dataZoom || [])[0];
    if (!z || (z.start <= 0 && z.end >= 100)) return null;
    return chart.getModel().getComponent('xAxis', 0).axis.scale.getExtent();
  }
  function paint(c) {
    c.stale = false;
    const series = seriesOf(c.tag);
    const raw = series.filter(s => s.raw).flatMap(s => s.raw);
    series.forEach(s => delete s.raw);
    const positive = raw.every(v => v == null || v > 0);
    const log = c.log.checked && positive;
    const yAxis = Object.assign({type: log ? 'log' : 'value', scale: true}, S.outliers ? withoutOutliers(raw, log) : {});
    const chart = TL.chart(c.chartDiv);
    if (!c.zoomWired) {
      chart.on('datazoom', () => onZoom(c));
      chart.getZr().on('dblclick', () => resetZoom(c));
      c.zoomWired = true;
    }
    const win = c.zoom ? {startValue: c.zoom[0], endValue: c.zoom[1]} : {};
    chart.setOption({animation: false, legend: {type: 'scroll', top: 0, data: [...new Set(series.map(s => s.name))]},
      grid: {left: 64, right: 24, top: 40, bottom: 76},
      tooltip: {trigger: 'axis', confine: true, formatter: ps => {
        const seen = new Set();
        const rows = ps.filter(p => p.value[1] != null && !seen.has(p.seriesName) && seen.add(p.seriesName))
          .sort((a, b) => b.value[1] - a.value[1]).slice(0, 30)
          .map(p => p.marker + esc(p.seriesName) + ': <b>' + esc(fmt(p.value[1])) + '</b>');
        const x = ps.length ? ps[0].value[0] : '';
        return esc(S.x === 'wall' ? new Date(x).toLocaleString() : S.x + ' ' + fmt(x)) + '<br>' + rows.join('<br>');
      }},
      xAxis: xAxisOf(series.flatMap(s => s.data.map(p => p[0]))), yAxis,
      dataZoom: [Object.assign({type: 'inside', filterMode: 'none'}, win), Object.assign({type: 'slider', filterMode: 'none', height: 18, bottom: 8}, win)],
      series}, true);
    describe(c, series, positive);
    offerDownloads(c, series.length > 0);
    return series.length > 0;
  }
  function describe(c, series, positive) {
    const drawn = new Set(series.map(s => s.name));
    c.empty.textContent = drawn.size ? '' : S.chosen.size ? 'no run in the selection logged ' + c.tag : 'no run selected';
    const without = [...S.chosen].filter(id => !drawn.has(label(id)));
    c.missing.textContent = !drawn.size || !without.length ? '' : 'not drawn: ' + without.length + ' selected run' + (without.length > 1 ? 's' : '')
      + ' without ' + c.tag + ' (' + without.slice(0, 8).map(label).join(', ') + (without.length > 8 ? ', …' : '') + ')';
    const reduced = [...(S.data.get(c.tag) || [])].filter(([id, s]) => S.chosen.has(id) && s.downsampled);
    const notes = [];
    if (reduced.length) notes.push(reduced.length + ' run' + (reduced.length > 1 ? 's' : '') + ' downsampled to '
      + Math.max(...reduced.map(([, s]) => s.values.length)) + ' of up to ' + Math.max(...reduced.map(([, s]) => s.total))
      + ' points (each bucket keeps its min and max); zoom in on the step axis for every point');
    if (c.log.checked && !positive) notes.push('log scale needs positive values: linear scale shown');
    c.note.textContent = notes.join('. ');
  }
  /** The card's CSV and JSON files: every point of the tag of the selected runs (the first 200), as TensorBoard offers. */
  function offerDownloads(c, any) {
    const ids = [...S.chosen].filter(id => mayHave(byId(id), c.tag)).slice(0, 200);
    const query = '?name=' + encodeURIComponent(c.tag) + '&trials=' + ids.join(',');
    c.downloads.replaceChildren(...(!any ? [] : ['csv', 'json'].map(ext => el('a', {class: 'download-' + ext, href: '/api/series.' + ext + query,
      title: 'every point of ' + c.tag + ' of the selected runs', text: ext.toUpperCase()}))));
  }
  function drawAll() {
    let drawn = false;
    for (const c of cards.values()) drawn = draw(c) || drawn;
    const back = [...cards.values()].filter(c => c.released && near(c));
    if (back.length) far.restore(back);
    empty.textContent = emptyReason(drawn);
  }
  /** Whole series at 1,000 points; a zoomed range at full resolution within 200,000 points over all runs. */
  async function fetchSeries(ids, tags, range) {
    const q = range ? '&from=' + Math.floor(range[0]) + '&to=' + Math.ceil(range[1]) : '';
    const points = range ? Math.min(20000, Math.max(1000, Math.floor(200000 / Math.max(1, ids.length)))) : 1000;
    const perRequest = Math.max(1, Math.floor(MAX_SERIES / Math.min(50, ids.length || 1)));
    for (let i = 0; i < ids.length; i += 50) {
      for (let j = 0; j < tags.length; j += perRequest) {
        const names = tags.slice(j, j + perRequest).map(t => '&name=' + encodeURIComponent(t)).join('');
        const res = await api('/api/series?maxPoints=' + points + names + '&trials=' + ids.slice(i, i + 50).join(',') + q);
        // a card released while its data travelled keeps none
        for (const s of res.series) if (!(cards.get(s.name) || {}).released) held(s.name).set(s.trialId, s);
      }
    }
  }
  const lastStep = s => s && s.steps.length ? s.steps[s.steps.length - 1] : -Infinity;
  /** Fetches only the points after the last step held of each grown (run, tag), and appends them. */
  async function fetchNewPoints(pairs) {
    const after = new Map(); // trial -> the smallest last step held among its grown tags
    for (const g of pairs) after.set(g.trialId, Math.min(after.has(g.trialId) ? after.get(g.trialId) : Infinity, lastStep(held(g.name).get(g.trialId))));
    const wanted = new Set(pairs.map(g => g.trialId + '\u0000' + g.name));
    const names = [...new Set(pairs.map(g => g.name))].map(t => '&name=' + encodeURIComponent(t)).join('');
    const ids = [...after.keys()];
    for (let i = 0; i < ids.length; i += 50) {
      const since = ids.slice(i, i + 50).map(id => id + ':' + after.get(id)).join(',');
      const res = await api('/api/series?maxPoints=1000' + names + '&since=' + since);
      for (const add of res.series) {
        const have = held(add.name).get(add.trialId);
        if (!have || !wanted.has(add.trialId + '\u0000' + add.name)) continue;
        const from = add.steps.findIndex(step => step > lastStep(have));
        if (from < 0) continue;
        have.steps = have.steps.concat(add.steps.slice(from));
        have.values = have.values.concat(add.values.slice(from));
        have.wallTimes = have.wallTimes.concat(add.wallTimes.slice(from));
      }
    }
  }
  async function reload() {
    errors.replaceChildren();
    S.data.clear();
    cards.forEach(c => {
      Object.assign(c, {range: null, zoom: null});
      if (far.away(c)) far.release(c); else Object.assign(c, {released: false, restoring: false});
    });
    const tags = heldTags();
    const ids = [...S.chosen].filter(id => tags.some(t => mayHave(byId(id), t)));
    try {
      if (tags.length && ids.length) {
        S.loading = true; // cards coming into view meanwhile wait for the data: drawAll draws them
        try { await fetchSeries(ids, tags); } finally { S.loading = false; }
        performance.mark('series-loaded');
      }
      drawAll();
      performance.mark('chart-drawn');
    } catch (e) { showError(errors, e); }
  }
  function choose(runs) {
    S.chosen = new Set(runs.map(r => r.id));
    list.querySelectorAll('input').forEach(box => { box.checked = S.chosen.has(Number(box.value)); });
    return reload();
  }
  function runItem(r) {
    return el('label', {title: r.label}, el('input', {type: 'checkbox', value: r.id, checked: S.chosen.has(r.id), onchange: e => {
      e.target.checked ? S.chosen.add(r.id) : S.chosen.delete(r.id); reload(); }}), ' ' + r.label + ' ', el('span', {class: 'muted', text: r.state.toLowerCase()}));
  }
  async function loadRuns() {
    errors.replaceChildren();
    try {
      S.regex = regex.value;
      const res = await api('/api/runs?limit=2000&regex=' + encodeURIComponent(S.regex));
      S.cursor = res.cursor;
      S.runs = res.runs;
      S.matched = res.matched;
      info.textContent = res.matched + ' runs match' + (res.matched > res.runs.length ? ', first ' + res.runs.length + ' listed' : '');
      list.replaceChildren(...S.runs.map(runItem));
      S.tags = res.metrics;
      showTags();
      await choose(candidates().slice(0, Math.min(Number(TL.param('select')) || 10, MAX_RUNS)));
    } catch (e) { showError(errors, e); }
  }
  /**
   * Live update: asks what changed since the cursor among runs matching the regex; new runs join the list (and the
   * cards, up to MAX_RUNS), a new tag gets its card, and chosen runs whose tags grew get only their new points.
   */
  async function poll() {
    if (S.cursor == null) return;
    const res = await api('/api/runs?limit=2000&regex=' + encodeURIComponent(S.regex) + '&since=' + S.cursor);
    if (res.reset) { await loadRuns(); return; }
    S.cursor = res.cursor;
    const added = [];
    for (const r of res.runs) {
      const known = byId(r.id);
      if (known) {
        const was = known.state;
        Object.assign(known, r);
        const box = was !== r.state && list.querySelector('input[value="' + r.id + '"]');
        if (box) box.parentNode.replaceWith(runItem(known));  // its state (running, complete, pruned) as it is now
        continue;
      }
      r.metrics = [];
      S.runs.push(r);
      S.matched = (S.matched || 0) + 1;
      if (S.chosen.size < MAX_RUNS) { S.chosen.add(r.id); added.push(r.id); }
      list.append(runItem(r));
    }
    if (added.length) info.textContent = S.matched + ' runs match';
    let newTag = false;
    for (const g of res.grown) {
      const r = byId(g.trialId);
      if (r && r.metrics && !r.metrics.includes(g.name)) r.metrics.push(g.name);
      if (!S.tags.includes(g.name)) { S.tags = S.tags.concat(g.name).sort(); newTag = true; }
    }
    // a new tag shown is a new card: load the cards afresh (opened before any run logged a scalar, there was none)
    if (newTag && showTags()) { await reload(); return; }
    // a zoomed card gets its new points too: its zoom window stays (see paint)
    // a released card gets nothing: it is fetched whole as it comes back
    const live = g => heldTags().includes(g.name) && S.chosen.has(g.trialId) && !added.includes(g.trialId);
    const growing = res.grown.filter(live);
    // a chosen run that had no point of the tag yet is fetched whole; one that had, only its new points
    const has = g => lastStep(held(g.name).get(g.trialId)) > -Infinity;
    const first = growing.filter(g => !has(g));
    const grown = growing.filter(g => has(g) && g.lastStep > lastStep(held(g.name).get(g.trialId)));
    if (added.length) await fetchSeries(added, heldTags());
    if (first.length) await fetchSeries([...new Set(first.map(g => g.trialId))], [...new Set(first.map(g => g.name))]);
    if (grown.length) await fetchNewPoints(grown);
    if (added.length || first.length || grown.length) drawAll();
  }
  regex.addEventListener('keydown', e => { if (e.key === 'Enter') loadRuns(); });
  tagFilter.addEventListener('input', () => { if (showTags()) reload(); else drawAll(); });
  smoothing.addEventListener('input', () => { S.smoothing = Number(smoothing.value); smoothLabel.textContent = smoothing.value; drawAll(); });
  xaxis.addEventListener('change', () => { S.x = xaxis.value; cards.forEach(c => { c.zoom = null; }); drawAll(); });
  outliers.addEventListener('change', () => { S.outliers = outliers.checked; drawAll(); });
  /**
   * Zooming a card keeps its window through later draws (live points, smoothing); on the step axis it loads the range
   * at full resolution, for that card's tag only.
   */
  let zoomTimer = null;
  function onZoom(c) {
    c.zoom = zoomOf(TL.chart(c.chartDiv));
    if (S.x !== 'step' || !c.zoom) return;
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(async () => {
      const extent = c.zoom;
      if (!extent) return;
      try {
        await fetchSeries([...S.chosen].filter(id => mayHave(byId(id), c.tag)), [c.tag], extent);
        c.range = extent;
        paint(c);
      } catch (e) { showError(errors, e); }
    }, 300);
  }
  /** A double click shows the whole card again: every x, its series whole (downsampled as at first) when a range was loaded. */
  async function resetZoom(c) {
    clearTimeout(zoomTimer);
    c.zoom = null;
    try {
      if (c.range) {
        c.range = null;
        await fetchSeries([...S.chosen].filter(id => mayHave(byId(id), c.tag)), [c.tag]);
      }
      paint(c);
    } catch (e) { showError(errors, e); }
  }
  await loadRuns();
  TL.ready();
  const update = TL.throttle(TL.oneAtATime(poll), 1000);
  TL.events({}, update, update);
})();
