'use strict';
/*
 * ECharts options for the study page, and the models of its own charts (TL.ParallelChart, TL.ImportanceChart): pure
 * functions of the data. Animation is off everywhere.
 */
TL.StudyCharts = (() => {
  const {esc, fmt, finite} = TL;
  const COLORS = {COMPLETE: '#2e7d32', PRUNED: '#e08a00', FAIL: '#c62828', RUNNING: '#3b6fd8', WAITING: '#8e8e8e'};
  // containLabel: a grid's margins are measured from its tick labels, however wide, so none is cut off at the edge
  const base = () => ({animation: false, grid: {left: 12, right: 24, top: 36, bottom: 40, containLabel: true}});
  /** An axis name above the axis' top end, starting there (centred on it, a long name was cut off at the left edge). */
  const TOP_NAME = {align: 'left', padding: [0, 0, 0, -8]};
  /** A horizontal value axis' end labels inside its ends: centred there, the last one's right half reached past the edge. */
  const ENDS = {alignMinLabel: 'left', alignMaxLabel: 'right'};
  /** Category labels longer than this are cut short with an ellipsis (the tooltip and the table have them whole). */
  const LABEL = {width: 110, overflow: 'truncate'};
  const value = (t, k) => t.values.length > k ? finite(t.values[k]) : null;
  const complete = (trials, k) => trials.filter(t => t.state === 'COMPLETE' && value(t, k) != null);
  const isLog = d => d && d.type !== 'categorical' && d.log;
  const min = xs => xs.reduce((a, b) => (b < a ? b : a), Infinity);
  const max = xs => xs.reduce((a, b) => (b > a ? b : a), -Infinity);
  // Above LARGE points a scatter is drawn in ECharts' large mode (one path, no element per point), where symbols under
  // 4 px are filled rectangles (fillRect) and larger ones arcs: 100,000 arcs take about ten times as long.
  const LARGE = 500;
  const dot = (n, size) => n > LARGE ? 3.5 : size;
  /** The value's colour scale, from low to high as when the value is minimized: the best first. */
  const SCALE = ['#2b59c3', '#7aa7e0', '#f0c75e', '#d9534f'];

  /**
   * The parallel coordinates of the server's sample (info: see StudyChartRoutes#sample: the sampled trials as columns,
   * how many trials were counted, the ranges of every counted trial and, when brushed, the brush) as TL.ParallelChart
   * draws them: the sample's COMPLETE trials with a value of objective k, one axis per parameter and the value's last.
   * The numeric axes span every trial, drawn or not, so a brushed interval means the same whatever is drawn. direction:
   * the objective's ('MINIMIZE' or 'MAXIMIZE'), so the best lines get the best colour either way.
   */
  function parallel(info, params, space, k, direction) {
    const c = info.trials, complete = c.states.indexOf('COMPLETE'), objective = c.values[k] || [];
    const rows = [];
    for (let i = 0; i < c.count; i++) if (c.state[i] === complete && finite(objective[i]) != null) rows.push(i);
    const n = rows.length, number = new Int32Array(n);
    rows.forEach((i, r) => { number[r] = c.number[i]; });
    const axes = [], columns = [];
    for (const p of params) {
      const d = space[p] || {}, col = c.params[p], out = new Float64Array(n).fill(NaN);
      if (d.type === 'categorical') {
        const choices = d.choices.map(String), at = new Map(choices.map((x, i) => [x, i]));
        // a column of text is codes into its own choices; of numbers (numeric choices), the values
        const index = col && col.codes ? col.choices.map(x => at.has(String(x)) ? at.get(String(x)) : NaN) : null;
        if (col) rows.forEach((i, r) => {
          if (index) { if (col.codes[i] >= 0) out[r] = index[col.codes[i]]; }
          else if (col.values[i] != null && at.has(String(col.values[i]))) out[r] = at.get(String(col.values[i]));
        });
        axes.push({id: 'param:' + p, name: p, type: 'category', choices});
      } else {
        if (col && col.values) rows.forEach((i, r) => { const v = finite(col.values[i]); if (v != null) out[r] = v; });
        axes.push({id: 'param:' + p, name: p, type: isLog(d) ? 'log' : 'value', range: info.ranges[p] || null});
      }
      columns.push(out);
    }
    columns.push(Float64Array.from(rows, i => finite(objective[i])));
    axes.push({id: 'objective', name: 'value', type: 'value', range: info.ranges.value || null});
    const drawn = n < info.counted ? n + ' of ' + info.counted + ' trials drawn: the best and a sample stratified by value; ' : '';
    // a brush selects among every trial on the server, which draws the brushed ones (all, or half the lines)
    const brushed = info.brush ? info.brush.count + ' brushed, ' + info.brush.drawn + ' of them drawn' : 'drag along an axis to brush' + (drawn ? ' all of them' : '');
    return {title: 'Parallel coordinates (' + drawn + brushed + ')', axes, n, number, columns, colour: axes.length - 1,
      best: direction === 'MAXIMIZE' ? 'high' : 'low', opacity: n > 2000 ? 0.15 : 0.45};
  }

  /** The server's importance as TL.ImportanceChart draws it: a large study's forest reads a sample of its trials, said how many of how many. */
  function importance(result) {
    return {title: 'Parameter importance', subtext: result.note ? result.note : result.method + ', ' + (result.sample != null && result.sample < result.trials
      ? 'from ' + result.sample + ' of ' + result.trials + ' trials (sampled)' : result.trials + ' trials'), entries: result.importances || []};
  }

  /** The sample's trials (of counted COMPLETE trials in all) by parameter p. */
  function slice(sample, counted, p, d, k, selected) {
    const drawn = complete(sample, k);
    const done = drawn.filter(t => t.params[p] != null);
    const cat = d && d.type === 'categorical';
    const data = done.map(t => [cat ? String(t.params[p]) : t.params[p], value(t, k), t.number]);
    const series = [{type: 'scatter', symbolSize: dot(data.length, 4), data, itemStyle: {color: '#3b6fd8', opacity: selected ? 0.2 : 0.6}, large: true, largeThreshold: LARGE}];
    if (selected) series.push({type: 'scatter', symbolSize: 5, data: data.filter(r => selected.has(r[2])), itemStyle: {color: '#1d2330'}});
    return Object.assign(base(), {
      title: {text: p + (drawn.length < counted ? ' (' + drawn.length + ' of ' + counted + ' trials)' : ''), textStyle: {fontSize: 12}},
      grid: {left: 8, right: 24, top: 30, bottom: 8, containLabel: true},
      tooltip: {trigger: 'item', formatter: q => 'trial #' + q.value[2] + '<br>' + esc(p) + ' = ' + esc(fmt(q.value[0])) + '<br>value ' + esc(fmt(q.value[1]))},
      xAxis: cat ? {type: 'category', data: d.choices.map(String), axisLabel: LABEL} : sliceAxis(d, data.map(r => r[0])),
      yAxis: Object.assign({type: 'value'}, TL.hug(data.map(r => r[1]))), series});
  }

  /**
   * A slice's x-axis over a numeric parameter: the distribution's range (widened to any value outside it), whole ticks
   * for an integer one. A log distribution gets a log axis when it spans a decade or more; within less, a log axis has
   * no tick inside (it ticks at powers of ten), so a linear one shows it.
   */
  function sliceAxis(d, xs) {
    const known = d && (d.type === 'float' || d.type === 'int');
    const lo = Math.min(known ? d.low : Infinity, ...xs), hi = Math.max(known ? d.high : -Infinity, ...xs);
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return {type: 'value', scale: true, axisLabel: ENDS};
    const log = isLog(d) && lo > 0 && hi / lo >= 10;
    return {type: log ? 'log' : 'value', min: lo, max: hi, minInterval: d && d.type === 'int' ? 1 : 0, axisLabel: ENDS};
  }

  function bins(d, trials, p, n) {
    if (d.type === 'categorical') return {labels: d.choices.map(String), index: v => d.choices.map(String).indexOf(String(v))};
    // an integer of at most n values has a bin per value; of more, bins labelled by their whole middles
    const whole = d.type === 'int', step = d.step || 1;
    if (whole && (d.high - d.low) / step + 1 <= n) {
      const labels = [];
      for (let v = d.low; v <= d.high; v += step) labels.push(String(v));
      return {labels, index: v => Math.min(labels.length - 1, Math.max(0, Math.round((v - d.low) / step)))};
    }
    const log = isLog(d);
    const f = v => log ? Math.log(v) : v;
    // an exponential (expon) is unbounded: its bins span loc to the largest value seen
    const lo = f(d.type === 'expon' ? d.loc : d.low);
    const hi = f(d.type === 'expon' ? trials.reduce((m, t) => t.params[p] != null ? Math.max(m, t.params[p]) : m, d.loc + d.scale) : d.high);
    const labels = [];
    for (let i = 0; i < n; i++) { const c = lo + (i + 0.5) * (hi - lo) / n, v = log ? Math.exp(c) : c; labels.push(fmt(whole ? Math.round(v) : v)); }
    return {labels, index: v => Math.min(n - 1, Math.max(0, Math.floor((f(v) - lo) / (hi - lo) * n)))};
  }

  /** direction: the objective's; its best cells get the colour the parallel coordinates' best lines get. */
  function contour(trials, px, py, space, k, direction) {
    const done = complete(trials, k).filter(t => t.params[px] != null && t.params[py] != null);
    const bx = bins(space[px] || {type: 'float', low: 0, high: 1}, done, px, 20), by = bins(space[py] || {type: 'float', low: 0, high: 1}, done, py, 20);
    const sum = new Map(), cnt = new Map();
    for (const t of done) {
      const key = bx.index(t.params[px]) + ',' + by.index(t.params[py]);
      sum.set(key, (sum.get(key) || 0) + value(t, k)); cnt.set(key, (cnt.get(key) || 0) + 1);
    }
    const data = [...sum.keys()].map(key => { const [i, j] = key.split(',').map(Number); return [i, j, sum.get(key) / cnt.get(key), cnt.get(key)]; });
    const vals = data.map(r => r[2]);
    return Object.assign(base(), {
      title: {text: 'Contour: mean value by ' + px + ' × ' + py, textStyle: {fontSize: 13}},
      grid: {left: 12, right: 90, top: 40, bottom: 44, containLabel: true},
      tooltip: {trigger: 'item', formatter: q => esc(px) + ' ≈ ' + esc(bx.labels[q.value[0]]) + '<br>' + esc(py) + ' ≈ ' + esc(by.labels[q.value[1]])
        + '<br>mean ' + esc(fmt(q.value[2])) + ' over ' + q.value[3] + ' trials'},
      xAxis: {type: 'category', data: bx.labels, name: px, nameLocation: 'middle', nameGap: 40, axisLabel: LABEL},
      yAxis: {type: 'category', data: by.labels, name: py, nameTextStyle: TOP_NAME, axisLabel: LABEL},
      // dimension 2: a cell is coloured by its mean value (column 3 is the count of trials in it)
      visualMap: {dimension: 2, min: vals.length ? min(vals) : 0, max: vals.length ? max(vals) : 1, calculable: true, right: 4,
        top: 'middle', formatter: v => fmt(v), inRange: {color: direction === 'MAXIMIZE' ? [...SCALE].reverse() : SCALE}},
      series: [{type: 'heatmap', data}]});
  }

  /** One line series per state (trials separated by gaps), so hundreds of curves cost three series. */
  function curves(res) {
    const byState = new Map();
    const prunedAt = [];
    for (const c of res.curves) {
      if (!byState.has(c.state)) byState.set(c.state, []);
      const data = byState.get(c.state);
      if (data.length) data.push([null, null, null]);
      c.steps.forEach((s, i) => data.push([s, finite(c.values[i]), c.number]));
      if (c.state === 'PRUNED' && c.steps.length) prunedAt.push([c.steps[c.steps.length - 1], finite(c.values[c.values.length - 1]), c.number]);
    }
    const series = [...byState].map(([state, data]) => ({name: state.toLowerCase(), type: 'line', showSymbol: false, connectNulls: false, data,
      color: COLORS[state], lineStyle: {width: 1, opacity: state === 'PRUNED' ? 0.8 : 0.45}, emphasis: {disabled: true}, large: true}));
    series.push({name: 'pruned here', type: 'scatter', symbol: 'triangle', symbolSize: 8, data: prunedAt, color: '#e08a00', z: 5});
    return Object.assign(base(), {
      title: {text: 'Learning curves (' + res.curves.length + ' of ' + res.trialsWithCurves + ' trials)', textStyle: {fontSize: 13}},
      legend: {top: 4, right: 10},
      tooltip: {trigger: 'item', formatter: q => 'trial #' + q.value[2] + ' (' + esc(q.seriesName) + ')<br>step ' + q.value[0] + ': ' + esc(fmt(q.value[1]))},
      xAxis: TL.stepAxis(res.curves.flatMap(c => c.steps), {name: 'step', nameLocation: 'middle', nameGap: 24, axisLabel: ENDS}),
      yAxis: {type: 'value', scale: true}, series});
  }

  function timeline(trials) {
    const slots = [...new Set(trials.filter(t => t.start != null).map(t => t.slot || '?'))].sort();
    const now = Date.now();
    const data = trials.filter(t => t.start != null).map(t => ({value: [slots.indexOf(t.slot || '?'), t.start, t.end == null ? now : t.end, t.number, t.state],
      itemStyle: {color: COLORS[t.state]}}));
    return Object.assign(base(), {
      title: {text: 'Timeline by worker slot', textStyle: {fontSize: 13}}, grid: {left: 12, right: 36, top: 36, bottom: 12, containLabel: true},
      tooltip: {trigger: 'item', formatter: q => 'trial #' + q.value[3] + ' (' + q.value[4] + ')<br>' + esc(new Date(q.value[1]).toLocaleTimeString())
        + ' – ' + esc(new Date(q.value[2]).toLocaleTimeString())},
      xAxis: {type: 'time', scale: true, axisLabel: ENDS}, yAxis: {type: 'category', data: slots, axisLabel: LABEL},
      series: [{type: 'custom', encode: {x: [1, 2], y: 0}, data, progressive: data.length > 2000 ? 2000 : 0, renderItem: (params, api) => {
        const y = api.value(0), a = api.coord([api.value(1), y]), b = api.coord([api.value(2), y]);
        const h = api.size([0, 1])[1] * 0.6;
        return {type: 'rect', shape: {x: a[0], y: a[1] - h / 2, width: Math.max(1, b[0] - a[0]), height: h}, style: api.style()};
      }}]});
  }

  /**
   * f: the server's Pareto chart (see StudyChartRoutes#front): the exact front and bounded samples of the dominated and the
   * infeasible trials, each as {number, values: [objective 0, objective 1, ...]}; names: what the objectives are called.
   */
  function pareto(f, directions, names) {
    const pts = c => c.number.map((n, i) => [finite(c.values[0][i]), finite(c.values[1][i]), n]);
    const of = (c, count) => c.number.length < count ? ' (' + c.number.length + ' of ' + count + ' drawn)' : '';
    return Object.assign(base(), {
      title: {text: 'Pareto front (' + f.front.number.length + ' trials)', subtext: 'dominated: ' + f.dominatedCount + of(f.dominated, f.dominatedCount)
        + (f.infeasibleCount ? ' · infeasible: ' + f.infeasibleCount + of(f.infeasible, f.infeasibleCount) : ''), textStyle: {fontSize: 13}},
      legend: {top: 4, right: 10}, grid: {left: 12, right: 24, top: 56, bottom: 40, containLabel: true},
      tooltip: {trigger: 'item', formatter: q => 'trial #' + q.value[2] + '<br>' + esc(fmt(q.value[0])) + ', ' + esc(fmt(q.value[1]))},
      xAxis: {type: 'value', scale: true, name: names[0] + ' (' + directions[0].toLowerCase() + ')', nameLocation: 'middle', nameGap: 24,
        axisLabel: ENDS, axisLine: {onZero: false}},
      // each axis at the grid's edge, not where the other's zero is (a maximized negative value put this one at the right edge)
      yAxis: {type: 'value', scale: true, name: names[1] + ' (' + directions[1].toLowerCase() + ')', nameTextStyle: TOP_NAME,
        axisLine: {onZero: false}},
      series: [{name: 'dominated', type: 'scatter', symbolSize: dot(f.dominated.number.length, 5), data: pts(f.dominated), itemStyle: {color: '#9aa7bd'}, large: true,
        largeThreshold: LARGE},
        {name: 'infeasible', type: 'scatter', symbol: 'triangle', symbolSize: 6, data: pts(f.infeasible), itemStyle: {color: '#6b4f8e'}},
        {name: 'Pareto front', type: 'scatter', symbolSize: 8, data: pts(f.front), itemStyle: {color: '#c62828'}}]});
  }
  return {parallel, importance, slice, contour, curves, timeline, pareto, complete, value};
})();
