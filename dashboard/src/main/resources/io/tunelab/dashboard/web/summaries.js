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
    tags: [], tag: null, data: []};
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
  function card(run, body) {
    return el('div', {class: 'panel summary-run', 'data-trial': run.trialId}, el('h3', {class: 'run-label', text: labelOf(run.trialId)}), body);
  }
  function chartCard(run, id, option) {
    const div = el('div', {class: 'chart', id, style: 'height:360px'});
    out.append(card(run, div));
    TL.chart(div).setOption(option, true);
  }
  function evenly(items, n) {
    if (items.length <= n) return items;
    return Array.from({length: n}, (_, k) => items[Math.round(k * (items.length - 1) / (n - 1))]);
  }
  function histograms(run, k) {
    const hs = evenly(run.summaries.filter(s => s.bins.length), MAX_RIDGES);
    if (!hs.length) return;
    const steps = hs.map(h => h.step);
    const spacing = hs.length > 1 ? (steps[steps.length - 1] - steps[0]) / (hs.length - 1) || 1 : 1;
    const top = Math.max(...hs.flatMap(h => h.bins.map(b => b[2] / (b[1] - b[0]))));
    const series = hs.map((h, i) => ({name: 'step ' + h.step, type: 'line', showSymbol: false, smooth: false, silent: false,
      lineStyle: {width: 1, color: `hsl(25, 90%, ${75 - 45 * i / Math.max(1, hs.length - 1)}%)`},
      data: h.bins.map(b => [(b[0] + b[1]) / 2, h.step - 2.5 * spacing * (b[2] / (b[1] - b[0])) / top, b[2]])}));
    chartCard(run, 'histogram-' + k, {animation: false, grid: {left: 64, right: 24, top: 16, bottom: 40},
      tooltip: {trigger: 'item', confine: true, formatter: p => esc(p.seriesName) + '<br>x ≈ ' + esc(fmt(p.value[0])) + ': ' + esc(fmt(p.value[2]))},
      xAxis: {type: 'value', scale: true},
      yAxis: {type: 'value', inverse: true, name: 'step', nameLocation: 'start', min: steps[0] - 2.6 * spacing, max: steps[steps.length - 1],
        axisLabel: {formatter: v => v < steps[0] ? '' : fmt(v)}}, series});
  }
  function distributions(run, k) {
    const hs = run.summaries.filter(s => s.percentiles.length);
    if (!hs.length) return;
    const at = (h, i) => [h.step, h.percentiles[i]];
    const series = [];
    [[0, 8], [1, 7], [2, 6], [3, 5]].forEach(([lo, hi], band) => {
      series.push({type: 'line', stack: 'b' + band, showSymbol: false, lineStyle: {opacity: 0}, silent: true, data: hs.map(h => at(h, lo))});
      series.push({name: 'band ' + band, type: 'line', stack: 'b' + band, showSymbol: false, lineStyle: {opacity: 0},
        areaStyle: {color: '#e8710a', opacity: 0.18 + 0.12 * band}, data: hs.map(h => [h.step, h.percentiles[hi] - h.percentiles[lo]])});
    });
    series.push({name: 'median', type: 'line', showSymbol: false, lineStyle: {color: '#b35200', width: 1.5}, data: hs.map(h => at(h, 4))});
    chartCard(run, 'distribution-' + k, {animation: false, grid: {left: 64, right: 24, top: 16, bottom: 40},
      tooltip: {trigger: 'axis', confine: true, formatter: ps => {
        const h = hs.find(x => x.step === ps[0].value[0]);
        return h ? 'step ' + esc(h.step) + '<br>' + h.percentiles.map(v => esc(fmt(v))).join(' · ') : '';
      }},
      xAxis: {type: 'value', name: 'step', min: 'dataMin', max: 'dataMax'}, yAxis: {type: 'value', scale: true}, series});
  }
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
    out.append(card(run, el('div', null, el('div', {class: 'toolbar'}, slider, label), img)));
  }
  function texts(run) {
    if (!run.summaries.length) return;
    out.append(card(run, [...run.summaries].reverse().map(s => el('div', {class: 'text-step'},
      el('div', {class: 'muted', text: 'step ' + s.step}), markdown(s.markdown)))));
  }
  function prCurves(run, k) {
    const curves = run.summaries.slice(-10);
    if (!curves.length) return;
    const series = curves.map((c, i) => ({name: 'step ' + c.step, type: 'line', showSymbol: false,
      lineStyle: {width: i === curves.length - 1 ? 2 : 1, opacity: 0.35 + 0.65 * (i + 1) / curves.length},
      data: c.recall.map((r, t) => [r, c.precision[t]])}));
    chartCard(run, 'pr-' + k, {animation: false, legend: {type: 'scroll', top: 0}, grid: {left: 64, right: 24, top: 36, bottom: 40},
      tooltip: {trigger: 'item', confine: true, formatter: p => esc(p.seriesName) + '<br>recall ' + esc(fmt(p.value[0])) + ', precision ' + esc(fmt(p.value[1]))},
      xAxis: {type: 'value', name: 'recall', min: 0, max: 1}, yAxis: {type: 'value', name: 'precision', min: 0, max: 1}, series});
  }
  function render() {
    out.querySelectorAll('.chart').forEach(n => { const c = echarts.getInstanceByDom(n); if (c) c.dispose(); });
    out.replaceChildren();
    if (!S.tag) { out.append(el('div', {class: 'panel muted', text: 'The chosen runs logged no ' + VIEWS.find(v => v[0] === S.view)[1].toLowerCase() + '.'})); return; }
    const draw = {histograms, distributions, images, text: texts, pr: prCurves}[S.view];
    S.data.forEach((run, k) => draw(run, k));
  }

  /* ---------- data ---------- */
  async function loadData() {
    errors.replaceChildren();
    try {
      S.data = S.tag && S.chosen.size ? (await api('/api/summaries?trials=' + ids().join(',') + '&tag=' + encodeURIComponent(S.tag))).runs : [];
      performance.mark('summaries-loaded');
      render();
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
      await loadData();
    } catch (e) { showError(errors, e); }
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
  /** Live update: new summaries of the chosen runs redraw the view, keeping each image slider where it was if it was not at the end. */
  async function refresh() {
    if (!S.tag || !S.chosen.size) return;
    const res = await api('/api/summaries?trials=' + ids().join(',') + '&tag=' + encodeURIComponent(S.tag));
    const count = runs => runs.reduce((n, r) => n + r.summaries.length, 0);
    if (count(res.runs) === count(S.data)) return;
    if (S.view === 'images' && out.querySelector('.step-slider:focus')) return;
    S.data = res.runs;
    render();
  }
  regex.addEventListener('keydown', e => { if (e.key === 'Enter') loadRuns(); });
  tagSelect.addEventListener('change', () => { S.tag = tagSelect.value; loadData(); });
  updateTabs();
  await loadRuns();
  TL.ready();
  TL.events({}, TL.throttle(TL.oneAtATime(refresh), 2000));
})();
