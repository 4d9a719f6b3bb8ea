'use strict';
(async () => {
  const {el, fmt, fmtTime, api, showError, clearError, nav, stateChip} = TL;
  const C = TL.StudyCharts;
  nav('Studies');
  const main = document.getElementById('main');
  const id = TL.param('id');
  // lines: how many trials the parallel coordinates and slices draw at most (?lines=N); brushing selects among every trial, on the server.
  // history and sample come from the server (first screen); trials, every trial, load after the page is interactive.
  const S = {trials: null, history: null, sample: null, info: null, cursor: 0, selected: null, brush: new Map(), objective: 0, log: false,
    lines: TL.studyFirst.lines};
  let study, space, params, table;

  /** How long the page waits, without a scroll or a touch, before its work for the charts below the first screen. */
  const BELOW_THE_FIRST_SCREEN_AFTER_MS = 1000;
  const panel = (...children) => el('div', {class: 'panel'}, ...children);
  const chartDiv = (idName, cls) => el('div', {id: idName, class: 'chart' + (cls ? ' ' + cls : '')});

  /** The trials of a page of columns (see TrialColumns): one array per field, text as codes into a list. */
  function fromColumns(c) {
    const names = Object.keys(c.params), out = new Array(c.count);
    for (let i = 0; i < c.count; i++) {
      const params = {};
      for (const p of names) {
        const col = c.params[p];
        const v = col.codes ? (col.codes[i] < 0 ? null : col.choices[col.codes[i]]) : col.values[i];
        if (v != null) params[p] = v;
      }
      const values = [];
      for (const column of c.values) if (column[i] != null) values.push(column[i]);
      out[i] = {id: c.id[i], number: c.number[i], state: c.states[c.state[i]], values, params, start: c.start[i], end: c.end[i],
        slot: c.slot[i] < 0 ? null : c.slots[c.slot[i]], sampler: c.sampler[i] < 0 ? null : c.samplers[c.sampler[i]], feasible: c.feasible[i]};
    }
    return out;
  }
  /** Loads every trial as columns: the pages the study's count calls for at once, then any that appeared meanwhile. */
  async function loadTrials() {
    performance.mark('trials-requested');
    const PAGE = 5000;
    const total = Object.values(study.counts).reduce((a, b) => a + b, 0);
    const page = after => api('/api/studies/' + id + '/columns?after=' + after + '&limit=' + PAGE);
    const pages = await Promise.all(Array.from({length: Math.max(1, Math.ceil(total / PAGE))}, (_, i) => page(i * PAGE - 1)));
    performance.mark('trials-fetched');
    const all = pages.flatMap(p => fromColumns(p.trials));
    let last = pages[pages.length - 1];
    while (last.hasMore && last.trials.count) {
      last = await page(last.trials.number[last.trials.count - 1]);
      all.push(...fromColumns(last.trials));
    }
    S.trials = all;
  }
  /**
   * Every trial, loaded once, when a chart that reads them all (the timeline, the contour) first comes near the
   * viewport: a page left before that never asks for them (100,000 trials are megabytes and seconds of server work).
   * Once loaded, the charts are drawn again (a conditional parameter only some trials have gets its slice). A failed
   * load is shown once, by each chart that needed it (see lazily), and tried again the next time a chart needs them.
   */
  let allTrials = null;
  let markInteractive;
  const interactive = new Promise(resolve => { markInteractive = resolve; });
  function everyTrial() {
    if (!allTrials) {
      allTrials = interactive.then(loadTrials).then(() => { performance.mark('trials-loaded'); params = paramNames(); renderCharts(); });
      allTrials.catch(() => { allTrials = null; });
    }
    return allTrials;
  }
  /** The optimisation history's points and the sample of lines of the current objective (see StudyChartRoutes). */
  async function loadCharts() {
    const k = S.objective;
    const [history, sample] = await Promise.all([early.history || TL.HistoryChart.load('/api/studies/' + id + '/history.bin?objective=' + k),
      early.sample || api('/api/studies/' + id + '/sample?objective=' + k + '&lines=' + S.lines + brushQuery())]);
    early.history = early.sample = null;
    // the earliest cursor of the first data: the stream reports every change after any of it (the study's attributes too)
    S.cursor = S.cursor ? S.cursor : Math.min(history.cursor, sample.cursor, study.cursor);
    S.history = history; useSample(sample);
  }
  /**
   * The sample of lines and, when brushed, the numbers of every brushed trial. Its trials as objects (for the slices,
   * below the first screen) are made on first use: the parallel coordinates read the columns.
   */
  function useSample(sample) {
    S.info = sample; S.sample = null;
    S.selected = sample.brush ? new Set(sample.brush.numbers) : null;
  }
  const sampleTrials = () => S.sample || (S.sample = fromColumns(S.info.trials));
  function paramNames() {
    const names = new Set(Object.keys(space));
    if (S.trials) { for (const t of S.trials) for (const p of Object.keys(t.params)) names.add(p); }
    else for (const p of Object.keys(S.info.trials.params)) names.add(p);
    return [...names];
  }
  function header() {
    const counts = Object.entries(study.counts).filter(([, n]) => n > 0).map(([s, n]) => el('span', null, stateChip(s), ' ' + n + ' '));
    const best = study.directions.length > 1 ? study.paretoSize + ' trials on the Pareto front'
      : (study.bestValues.length ? 'best ' + fmt(study.bestValues[0]) + ' (trial #' + study.bestNumber + ')'
        : (study.infeasible ? 'no feasible trial yet' : 'no complete trial yet'));
    // COMPLETE trials that violate a constraint are never best: say how many there are.
    const infeasible = study.infeasible ? el('span', {id: 'study-infeasible', class: 'state infeasible',
      text: study.infeasible + ' infeasible', title: 'COMPLETE trials that violate a constraint: never best, never on the Pareto front'}) : null;
    // A study stopped by fail_fast says so, with the error its first trials shared.
    const stopped = study.attrs && study.attrs.stopped && study.attrs.stopped.reason
      ? el('span', {id: 'study-stopped', class: 'state FAIL', text: 'stopped: ' + study.attrs.stopped.reason}) : null;
    // several objectives: each named (see ObjectiveNames) with its direction
    const directions = study.directions.map((d, i) => (study.directions.length > 1 ? study.objectives[i] + ' ' : '') + d.toLowerCase());
    return el('div', {id: 'study-summary', class: 'row'}, el('span', {id: 'study-directions', text: directions.join(', ')}), counts, infeasible, stopped,
      el('span', {text: best}), el('span', {class: 'muted', text: 'sampler ' + (study.sampler || '—') + ' · last activity ' + fmtTime(study.lastActivity)}),
      el('a', {href: TL.page('/trials.html?study=' + study.id), text: 'Trials table'}), el('a', {href: TL.page('/scalars.html?regex=' + encodeURIComponent('^' + study.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ' #')), text: 'Scalars'}));
  }

  /**
   * The attributes the user set on the study (Optuna's study.user_attrs), apart from Tunelab's own: a panel, hidden
   * while there are none; drawn again from the study as it is now whenever the live stream says something changed.
   */
  function userAttrs() {
    const attrs = study.userAttrs || {};
    return el('div', {class: 'panel', id: 'study-user-attrs', style: Object.keys(attrs).length ? null : 'display: none'},
      el('h2', {text: 'User attributes'}), el('pre', {class: 'json', text: JSON.stringify(attrs, null, 2)}));
  }

  /**
   * Draws an ECharts chart now if it is on screen, else when it comes within 200 px of the viewport once the reader
   * stays or scrolls (drawNearTheViewport: big studies stay responsive, and the first screen is not kept waiting by
   * charts below it); either way once ECharts is loaded (TL.echarts(), asked for then). Returns a promise: drawn, or waiting.
   * A failed draw shows its error below the chart, one message per chart however often it fails; a later draw removes it.
   */
  const drawers = new Map();
  const observer = new IntersectionObserver(entries => entries.forEach(e => {
    if (e.isIntersecting && drawers.has(e.target.id)) { const draw = drawers.get(e.target.id); drawers.delete(e.target.id); draw(); }
  }), {rootMargin: '200px'});
  let near = 0;
  function lazily(idName, draw) {
    const node = document.getElementById(idName);
    const drawn = () => TL.echarts().then(draw).then(() => { clearError(idName + '-error'); performance.mark(idName + '-drawn'); })
      .catch(e => showError(node.parentNode, e, idName + '-error'));
    const r = node.getBoundingClientRect();
    if (r.top < innerHeight + near && r.bottom > -near) { drawers.delete(idName); return drawn(); }
    drawers.set(idName, drawn);
    if (near) observer.observe(node);
    return Promise.resolve();
  }
  /** From now on, charts near the viewport are drawn too: those waiting as they come near. */
  function drawNearTheViewport() {
    near = 200;
    for (const idName of drawers.keys()) observer.observe(document.getElementById(idName));
  }
  /** Lets the page handle what arrived meanwhile (the trials table's first page) between two charts. */
  const nextTask = () => new Promise(resolve => setTimeout(resolve, 0));
  /** The optimisation history (TL.HistoryChart: its own canvas, not ECharts); a click on a point opens its trial. */
  let historyChart = null;
  async function openTrial(number) {
    try {
      const page = await api('/api/studies/' + id + '/trials?after=' + (number - 1) + '&limit=1');
      if (page.trials.length && page.trials[0].number === number) location.href = TL.page('/trial.html?id=' + page.trials[0].id);
    } catch (e) { TL.live('opening trial #' + number + ' failed: ' + e.message); }
  }
  /** Draws the charts of the sample and the history; resolves when the history is drawn (see TL.HistoryChart#draw). */
  function renderCharts() {
    const k = S.objective;
    const historyDrawn = historyChart.draw(S.history, {log: S.log, selected: S.selected});
    const slices = document.getElementById('slices');
    const shown = params.slice(0, 12);
    if (slices.children.length !== shown.length) slices.replaceChildren(...shown.map((p, i) => chartDiv('slice-' + i, 'small')));
    shown.forEach((p, i) => lazily('slice-' + i, () => TL.chart('slice-' + i).setOption(C.slice(sampleTrials(), S.info.counted, p, space[p], S.objective, S.selected), true)));
    // the timeline and the contour read every trial: near the viewport, they load them first (everyTrial draws again)
    lazily('timeline', () => S.trials ? TL.chart('timeline').setOption(C.timeline(S.trials), true) : everyTrial());
    renderContour();
    return historyDrawn;
  }
  /**
   * Draws the sample's lines (TL.ParallelChart: its own canvas, not ECharts); the brushed intervals stay unless told to
   * start afresh. Resolves when drawn.
   */
  let parallelChart = null;
  function renderParallel(afresh) {
    if (afresh) { clearBrush(); parallelChart.clearBrush(); }
    return parallelChart.draw(C.parallel(S.info, params, space, S.objective, study.directions[S.objective]));
  }
  function renderContour() {
    const px = document.getElementById('contour-x').value, py = document.getElementById('contour-y').value;
    if (px && py) lazily('contour', () => S.trials ? TL.chart('contour').setOption(C.contour(S.trials, px, py, space, S.objective, study.directions[S.objective]), true) : everyTrial());
  }
  /** The first call of each of these uses the request started while the trials were loading. */
  const early = {};
  /** The parameter importance (TL.ImportanceChart: bars of the page's own, not ECharts). */
  let importanceChart = null;
  async function renderImportance() {
    const request = early.importance || api('/api/studies/' + id + '/importance?objective=' + S.objective);
    early.importance = null;
    try { importanceChart.draw(C.importance(await request)); clearError('importance-error'); }
    catch (e) { showError(document.getElementById('importance').parentNode, e, 'importance-error'); }
  }
  async function renderCurves() {
    const numbers = S.selected && S.selected.size <= 300 ? '&numbers=' + [...S.selected].join(',') : '';
    const request = early.curves || api('/api/studies/' + id + '/curves?limit=300' + numbers);
    early.curves = null;
    const res = await request;
    return lazily('curves', () => TL.chart('curves').setOption(C.curves(res), true));
  }
  async function renderPareto() {
    if (study.directions.length < 2) return;
    // the server's exact front over every trial and a bounded sample of the rest: no trial need be loaded here
    const request = early.pareto || api('/api/studies/' + id + '/front?lines=' + S.lines);
    early.pareto = null;
    // on the first screen of a study with several objectives: this chart waits for ECharts
    const [front] = await Promise.all([request, TL.echarts()]);
    TL.chart('pareto').setOption(C.pareto(front, study.directions, study.objectives), true);
  }

  function clearBrush() {
    if (S.brush.size) { S.brush.clear(); S.selected = null; table.setBrush(''); }
  }
  /** The brushed axis intervals as the server's brush (see BrushRequest): value intervals; per parameter intervals or choices. */
  function brushQuery() {
    if (!S.brush.size) return '';
    const brush = {params: {}};
    for (const [axis, intervals] of S.brush) {
      if (axis === 'objective') { brush.value = intervals; continue; }
      const p = axis.slice('param:'.length), d = space[p] || {};
      brush.params[p] = d.type === 'categorical' ? d.choices.map(String).filter((c, i) => intervals.some(([a, b]) => i >= a && i <= b)) : intervals;
    }
    return '&brush=' + encodeURIComponent(JSON.stringify(brush));
  }
  /**
   * The server selects the brushed trials among every trial (exactly, as the table's filter it returns) and draws them in
   * the sample: no trial need be loaded here. A later brush supersedes an answer still on its way.
   */
  let brushes = 0;
  async function onBrush(e) {
    const axisId = e.parallelAxisId;
    if (e.intervals && e.intervals.length) S.brush.set(axisId, e.intervals); else S.brush.delete(axisId);
    const mine = ++brushes;
    const sample = await api('/api/studies/' + id + '/sample?objective=' + S.objective + '&lines=' + S.lines + brushQuery());
    if (mine !== brushes) return;
    useSample(sample);
    table.setBrush(sample.brush ? sample.brush.filter : '');
    renderParallel();
    renderCharts();
    renderCurves();
  }

  async function applyChanges() {
    const ch = await api('/api/studies/' + id + '/changes?since=' + S.cursor);
    if (ch.reset) { location.reload(); return; }
    S.cursor = ch.cursor;
    if (!ch.trials.length && !ch.metrics.length && !ch.study) return;
    if (S.trials) for (const t of ch.trials) S.trials[t.number] = t;
    study = await api('/api/studies/' + id);
    document.getElementById('study-summary').replaceWith(header());
    document.getElementById('study-user-attrs').replaceWith(userAttrs());
    if (!ch.trials.length && !ch.metrics.length) return;
    const names = paramNames();
    const newParams = names.length !== params.length;
    if (newParams) { space = await api('/api/studies/' + id + '/space'); params = paramNames(); }
    if (ch.trials.length) await loadCharts();
    renderCharts(); renderParallel(newParams); renderCurves(); renderPareto();
    if (ch.trials.some(t => t.state === 'COMPLETE')) renderImportance();
    table.refresh().catch(() => {}); // a failure shows in the table
  }

  try {
    // The first screen's requests started before ECharts was run (study-first.js); every trial loads after the page is interactive.
    const first = Promise.all([TL.studyFirst.take('study'), TL.studyFirst.take('space')]);
    for (const name of ['history', 'sample', 'importance']) early[name] = TL.studyFirst.take(name);
    [study, space] = await first;
    document.title = study.name + ' · Tunelab';
    if (study.directions.length > 1) early.pareto = api('/api/studies/' + id + '/front?lines=' + S.lines);
    Object.values(early).forEach(p => p.catch(() => {}));
    params = Object.keys(space);
    const objective = el('select', {id: 'objective', onchange: async e => {
      S.objective = Number(e.target.value); clearBrush(); await loadCharts(); renderCharts(); renderParallel(true); renderImportance(); }},
      study.directions.map((d, i) => el('option', {value: i, text: study.objectives[i] + ' (' + d.toLowerCase() + ')'})));
    const log = el('label', null, el('input', {type: 'checkbox', id: 'log-scale', onchange: e => { S.log = e.target.checked; renderCharts(); }}), ' log scale');
    const pick = (idName, i) => el('select', {id: idName, onchange: renderContour}, params.map((p, j) => el('option', {value: p, text: p, selected: j === i})));
    main.append(el('h1', {id: 'study-name', text: study.name}), header(),
      el('div', {class: 'toolbar'}, study.directions.length > 1 ? objective : null, log),
      // several objectives: the Pareto front first, as Optuna's dashboard shows it
      ...(study.directions.length > 1 ? [panel(chartDiv('pareto'))] : []),
      el('div', {class: 'grid2'}, panel(chartDiv('history')), panel(chartDiv('importance'))),
      panel(chartDiv('parallel', 'tall')),
      panel(el('h2', {text: 'Slices'}), el('div', {id: 'slices', class: 'grid3'})),
      el('div', {class: 'grid2'}, panel(el('div', {class: 'toolbar'}, 'Contour of ', pick('contour-x', 0), ' × ', pick('contour-y', Math.min(1, params.length - 1))),
        chartDiv('contour')), panel(chartDiv('curves'))),
      panel(chartDiv('timeline', 'small')));
    const tablePanel = panel(el('h2', {text: 'Trials'}));
    main.append(tablePanel);
    main.append(userAttrs());
    table = TL.TrialTable(tablePanel, study.id, {objectives: study.directions.length,
      first: {url: TL.studyFirst.tableUrl, response: TL.studyFirst.take('table')}});
    const tableLoaded = table.load().then(() => performance.mark('table-drawn'));
    // The first screen's charts are set up while the requests travel: their first reading of the layout (the history
    // chart's ResizeObserver, ECharts' init) costs the page's first layout now, not once the data is there.
    historyChart = TL.HistoryChart(document.getElementById('history'), {onOpen: openTrial});
    parallelChart = TL.ParallelChart(document.getElementById('parallel'), {onBrush});
    importanceChart = TL.ImportanceChart(document.getElementById('importance'));
    // each chart in a task of its own: a request answered meanwhile (the table's first page) is drawn between them
    await loadCharts();
    performance.mark('charts-loaded');
    params = paramNames();
    await nextTask();
    const historyDrawn = renderCharts().then(() => performance.mark('history-drawn'));
    performance.mark('charts-drawn');
    await nextTask();
    const parallelDrawn = renderParallel(true).then(() => performance.mark('parallel-drawn'));
    // The learning curves count only where they are on the first screen (a tall window); else they load after it, so
    // their request does not hold one of the browser's six connections while the first screen's are on their way.
    const curves = document.getElementById('curves').getBoundingClientRect();
    const curvesOnScreen = curves.top < innerHeight && curves.bottom > 0;
    await Promise.all([renderImportance(), curvesOnScreen ? renderCurves() : null, renderPareto(), tableLoaded, historyDrawn, parallelDrawn]);
    TL.ready();
    markInteractive();
    // The charts below the first screen are ECharts': loaded, with the learning curves' request, once the reader stays
    // (a second) or scrolls, and compiled while they read the first screen; a page left at once does none of it.
    TL.onReaderOrAfter(BELOW_THE_FIRST_SCREEN_AFTER_MS, () => {
      TL.echarts().catch(e => showError(main, e));
      if (!curvesOnScreen) renderCurves().catch(e => showError(document.getElementById('curves').parentNode, e));
      drawNearTheViewport();
    });
    TL.events({study: study.id, cursor: S.cursor}, TL.throttle(TL.oneAtATime(applyChanges), 1000));
  } catch (e) { showError(main, e); }
})();
