'use strict';
/*
 * The TensorBoard view: runs from any study, one tag (metric) overlaid, EMA smoothing, step/relative/wall x-axis.
 * The tags offered are those the matching runs logged; a selected run without the tag is not drawn and the note
 * under the toolbar names it; an empty chart says why it is empty.
 */
(async () => {
  const {el, esc, fmt, finite, api, showError, nav} = TL;
  nav('Scalars');
  const main = document.getElementById('main');
  const MAX_RUNS = 50;
  const S = {runs: [], tags: [], chosen: new Set(), data: new Map(), metric: null, smoothing: 0.6, x: 'step', log: false, range: null,
    cursor: null, regex: ''};
  const regex = el('input', {type: 'search', id: 'run-regex', placeholder: 'regex over "study #number"', value: TL.param('regex') || ''});
  const info = el('div', {class: 'muted', id: 'run-info'});
  const list = el('div', {class: 'runs', id: 'runs'});
  const metric = el('select', {id: 'metric'});
  const tagFilter = el('input', {type: 'search', id: 'tag-filter', placeholder: 'filter tags (regex)', value: TL.param('tagFilter') || ''});
  const smoothing = el('input', {type: 'range', id: 'smoothing', min: 0, max: 0.99, step: 0.01, value: S.smoothing});
  const smoothLabel = el('span', {text: String(S.smoothing)});
  const xaxis = el('select', {id: 'x-axis'}, [['step', 'step'], ['relative', 'relative time (h)'], ['wall', 'wall time']].map(([v, t]) => el('option', {value: v, text: t})));
  const log = el('input', {type: 'checkbox', id: 'scalars-log'});
  const errors = el('div');
  const empty = el('div', {id: 'scalars-empty', class: 'muted'});
  const missing = el('div', {id: 'scalars-missing', class: 'muted'});
  const note = el('div', {id: 'scalars-note', class: 'muted'});
  const chartDiv = el('div', {id: 'scalars-chart', class: 'chart', style: 'height:520px'});
  main.append(el('h1', {text: 'Scalars'}), el('div', {class: 'side'},
    el('div', {class: 'panel'}, el('div', {class: 'toolbar'}, regex, el('button', {text: 'Find', onclick: loadRuns})), info,
      el('div', {class: 'toolbar'}, el('button', {class: 'secondary', text: 'First ' + MAX_RUNS, title: 'the first runs that logged the tag (or nothing yet)',
        onclick: () => choose(candidates(S.metric).slice(0, MAX_RUNS))}),
        el('button', {class: 'secondary', text: 'None', onclick: () => choose([])})), list),
    el('div', null, el('div', {class: 'panel toolbar'}, tagFilter, ' tag ', metric, ' smoothing ', smoothing, smoothLabel, ' x-axis ', xaxis,
      el('label', null, log, ' log scale')), errors, el('div', {class: 'panel'}, empty, missing, note, chartDiv))));

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
  /** Whether a run may hold the tag: it logged it, or has logged nothing we know of yet (it may still). */
  const mayHave = (r, tag) => !r || !r.metrics || !r.metrics.length || r.metrics.includes(tag);
  /** The runs the selection starts from: those that logged the tag, or nothing yet, in list order. */
  const candidates = tag => tag ? S.runs.filter(r => mayHave(r, tag)) : S.runs;
  /** Kept if still offered; else the tag in the URL; else the one most runs logged (loss on a tie, then by name). */
  function defaultTag(tags, previous) {
    if (tags.includes(previous)) return previous;
    if (tags.includes(TL.param('tag'))) return TL.param('tag');
    const count = t => S.runs.filter(r => r.metrics && r.metrics.includes(t)).length;
    return tags.slice().sort((a, b) => count(b) - count(a) || (b === 'loss') - (a === 'loss') || (a < b ? -1 : 1))[0] || null;
  }
  /** The tags the filter leaves, in the select; the tag shown moves to the first of them when the filter hides it. */
  function showTags() {
    let re = null;
    tagFilter.setCustomValidity('');
    try { re = tagFilter.value ? new RegExp(tagFilter.value, 'i') : null; } catch (e) { tagFilter.setCustomValidity('not a valid regular expression'); }
    const shown = S.tags.filter(t => !re || re.test(t));
    metric.replaceChildren(...shown.map(m => el('option', {value: m, text: m})));
    const before = S.metric;
    S.metric = shown.includes(S.metric) ? S.metric : defaultTag(shown, S.metric);
    metric.value = S.metric || '';
    return before !== S.metric;
  }
  /** Why nothing is drawn, or '' when something is. */
  function emptyReason(drawn) {
    if (drawn) return '';
    if (!S.runs.length) return S.regex ? 'no run matches "' + S.regex + '"' : 'no runs yet';
    if (!S.tags.length) return 'no scalars logged yet: a run shows here once its trial reports an intermediate value or logs a metric';
    if (!S.metric) return 'no tag matches "' + tagFilter.value + '"';
    if (!S.chosen.size) return 'no run selected: tick runs in the list';
    return 'no run in the selection logged ' + S.metric;
  }
  function describe(series) {
    const drawn = new Set(series.map(s => s.name));
    empty.textContent = emptyReason(drawn.size);
    const label = id => (byId(id) || {label: 'trial ' + id}).label;
    const without = [...S.chosen].filter(id => !drawn.has(label(id)));
    missing.textContent = !drawn.size || !without.length ? '' : 'not drawn: ' + without.length + ' selected run' + (without.length > 1 ? 's' : '')
      + ' without ' + S.metric + ' (' + without.slice(0, 8).map(label).join(', ') + (without.length > 8 ? ', …' : '') + ')';
    const reduced = [...S.data].filter(([id, s]) => S.chosen.has(id) && s.downsampled);
    const notes = [];
    if (reduced.length) notes.push(reduced.length + ' run' + (reduced.length > 1 ? 's' : '') + ' downsampled to '
      + Math.max(...reduced.map(([, s]) => s.values.length)) + ' of up to ' + Math.max(...reduced.map(([, s]) => s.total))
      + ' points (each bucket keeps its min and max); zoom in on the step axis for every point');
    if (S.log && !series.every(s => s.data.every(p => p[1] == null || p[1] > 0))) notes.push('log scale needs positive values: linear scale shown');
    note.textContent = notes.join('. ');
  }
  function render() {
    const chart = TL.chart(chartDiv);
    const series = [];
    const label = new Map(S.runs.map(r => [r.id, r.label]));
    for (const [runId, s] of S.data) {
      if (!S.chosen.has(runId) || !s.steps.length) continue;
      const ys = s.values.map(finite);
      const sm = ema(ys, S.smoothing);
      const name = label.get(runId) || ('trial ' + runId);
      // a run of one point (a trial pruned after its first epoch) is a marker: a line of one point draws nothing
      series.push({name, type: 'line', showSymbol: sm.length === 1, sampling: 'none', data: sm.map((y, i) => [xOf(s, i), y]), lineStyle: {width: 1.5}});
      if (S.smoothing > 0) series.push({name, type: 'line', showSymbol: false, data: ys.map((y, i) => [xOf(s, i), y]), lineStyle: {width: 1, opacity: 0.2}, tooltip: {show: false}, silent: true});
    }
    const positive = series.every(s => s.data.every(p => p[1] == null || p[1] > 0));
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
      xAxis: {type: S.x === 'wall' ? 'time' : 'value', name: S.x === 'relative' ? 'hours' : S.x, nameLocation: 'middle', nameGap: 22, min: 'dataMin', max: 'dataMax'},
      yAxis: {type: S.log && positive ? 'log' : 'value', scale: true, name: S.metric || ''},
      dataZoom: [{type: 'inside', filterMode: 'none'}, {type: 'slider', filterMode: 'none', height: 18, bottom: 8}],
      series}, true);
    describe(series);
  }
  /** Whole series at 1,000 points; a zoomed range at full resolution within 200,000 points over all runs. */
  async function fetchSeries(ids, range) {
    const q = range ? '&from=' + Math.floor(range[0]) + '&to=' + Math.ceil(range[1]) : '';
    const points = range ? Math.min(20000, Math.max(1000, Math.floor(200000 / Math.max(1, ids.length)))) : 1000;
    for (let i = 0; i < ids.length; i += 50) {
      const chunk = ids.slice(i, i + 50);
      const res = await api('/api/series?maxPoints=' + points + '&name=' + encodeURIComponent(S.metric) + '&trials=' + chunk.join(',') + q);
      for (const s of res.series) S.data.set(s.trialId, s);
    }
  }
  const lastStep = s => s.steps.length ? s.steps[s.steps.length - 1] : -Infinity;
  /** Fetches only the points after the last step held of each run, and appends them. */
  async function fetchNewPoints(ids) {
    for (let i = 0; i < ids.length; i += 50) {
      const since = ids.slice(i, i + 50).map(id => id + ':' + lastStep(S.data.get(id))).join(',');
      const res = await api('/api/series?maxPoints=1000&name=' + encodeURIComponent(S.metric) + '&since=' + since);
      for (const add of res.series) {
        const held = S.data.get(add.trialId);
        if (!held || lastStep(held) !== add.after) continue;
        held.steps = held.steps.concat(add.steps);
        held.values = held.values.concat(add.values);
        held.wallTimes = held.wallTimes.concat(add.wallTimes);
      }
    }
  }
  async function reload(range) {
    errors.replaceChildren();
    S.range = range || null;
    const ids = [...S.chosen].filter(id => mayHave(byId(id), S.metric));
    if (!S.metric || !ids.length) { S.data.clear(); render(); return; }
    try {
      if (!range) S.data.clear();
      await fetchSeries(ids, range);
      performance.mark('series-loaded');
      render();
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
      await choose(candidates(S.metric).slice(0, Math.min(Number(TL.param('select')) || 10, MAX_RUNS)));
    } catch (e) { showError(errors, e); }
  }
  /**
   * Live update: asks what changed since the cursor among runs matching the regex; new runs join the list
   * (and the chart, up to MAX_RUNS), and chosen runs whose metric grew get only their new points.
   */
  async function poll() {
    if (S.cursor == null) return;
    const res = await api('/api/runs?limit=2000&regex=' + encodeURIComponent(S.regex) + '&since=' + S.cursor);
    if (res.reset) { await loadRuns(); return; }
    S.cursor = res.cursor;
    const added = [];
    for (const r of res.runs) {
      const known = S.runs.find(x => x.id === r.id);
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
    if (newTag && S.metric && showTags()) { await reload(); return; }
    // opened before any run logged a metric: there was nothing to choose, so list the runs and metrics afresh
    if (!S.metric) { if (res.runs.length || res.grown.length) await loadRuns(); return; }
    if (S.range) return;
    const growing = res.grown.filter(g => g.name === S.metric && S.chosen.has(g.trialId) && !added.includes(g.trialId));
    // a chosen run that had no point of the metric yet is fetched whole; one that had, only its new points
    const held = id => S.data.has(id) && S.data.get(id).steps.length > 0;
    const first = [...new Set(growing.filter(g => !held(g.trialId)).map(g => g.trialId))];
    const grown = [...new Set(growing.filter(g => held(g.trialId) && g.lastStep > lastStep(S.data.get(g.trialId)))
      .map(g => g.trialId))];
    if (added.length || first.length) await fetchSeries(added.concat(first));
    if (grown.length) await fetchNewPoints(grown);
    if (added.length || first.length || grown.length) render();
  }
  regex.addEventListener('keydown', e => { if (e.key === 'Enter') loadRuns(); });
  metric.addEventListener('change', () => { S.metric = metric.value; reload(); });
  tagFilter.addEventListener('input', () => { if (showTags()) reload(); else render(); });
  smoothing.addEventListener('input', () => { S.smoothing = Number(smoothing.value); smoothLabel.textContent = smoothing.value; render(); });
  xaxis.addEventListener('change', () => { S.x = xaxis.value; render(); });
  log.addEventListener('change', () => { S.log = log.checked; render(); });
  let zoomTimer = null;
  TL.chart(chartDiv).on('datazoom', () => {
    if (S.x !== 'step') return;
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(async () => {
      const extent = TL.chart(chartDiv).getModel().getComponent('xAxis', 0).axis.scale.getExtent();
      await reload(extent);
      TL.chart(chartDiv).setOption({dataZoom: [{startValue: extent[0], endValue: extent[1]}, {startValue: extent[0], endValue: extent[1]}]});
    }, 300);
  });
  await loadRuns();
  TL.ready();
  const update = TL.throttle(TL.oneAtATime(poll), 1000);
  TL.events({}, update, update);
})();
