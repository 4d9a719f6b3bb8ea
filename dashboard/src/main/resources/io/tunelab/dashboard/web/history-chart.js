'use strict';
/*
 * The optimisation history, drawn on a canvas of its own rather than by ECharts: at 100,000 points ECharts' large
 * scatter took ~300 ms (its data pipeline and one path per frame); here the points are written straight into the
 * canvas's pixel buffer from typed arrays, an object for no point, and the server's best-so-far line, the axes and
 * the legend are drawn on top with a few canvas calls.
 *
 *   const chart = TL.HistoryChart(div, {onOpen(number)});
 *   chart.draw(h, {log, selected});   (a promise: drawn) h: the server's history (see StudyChartRoutes#history): count, number[], value[],
 *                                     infeasible[] (positions among them), line [[number, best], ...] (BestSoFar);
 *                                     log: a log value axis (when every value is positive); selected: a Set of numbers
 *
 * What the ECharts chart offered is kept: the series "trials", "infeasible" (triangles, when there are any), "best so
 * far" (a step line) and "selected" (the brushed trials, the others faded), a legend whose entries hide and show
 * their series, a log value axis, and a tooltip naming the series, trial and value of the point nearest the pointer
 * (found through a grid of 8 px cells, built on the first hover). Clicking a point opens its trial (onOpen).
 * For tests and the page: count(series), pointAt(x, y), screenOf(number) and legendBox(series) (x, y relative to the div).
 */
TL.HistoryChart = function (div, options) {
  const opts = Object.assign({onOpen: null}, options);
  const PAD = {left: 60, right: 24, top: 36, bottom: 40};
  const CELL = 8, NEAR = 8;
  const INK = '#6e7079', GRID = '#e0e6f1';
  const STYLE = {trials: {rgb: [0x6d, 0x8f, 0xd6], css: '#6d8fd6'}, infeasible: {rgb: [0x6b, 0x4f, 0x8e], css: '#6b4f8e'},
    'best so far': {css: '#c62828'}, selected: {rgb: [0x1d, 0x23, 0x30], css: '#1d2330'}};
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'display: block; width: 100%; height: 100%';
  const tip = TL.el('div', {class: 'chart-tip', style: 'display: none'});
  div.style.position = 'relative';
  div.replaceChildren(canvas, tip);
  const hidden = new Set();
  let h = null, log = false, selected = null;
  let pts = null; // {x, y: Float64Array (number, value as plotted), kind: Uint8Array (0 trial, 1 infeasible), sel: Uint8Array}
  let frame = null; // the last draw's geometry: size, scales, legend boxes
  let size = null; // the div's content size, css px, as the ResizeObserver last reported it
  const waiting = []; // the draws not drawn yet
  let index = null; // the hover grid of the last draw, built on the first hover

  /** Round steps of 1, 2 or 5 times a power of ten, about n of them over [lo, hi]; lo and hi widened to steps. */
  function nice(lo, hi, n) {
    if (!(hi > lo)) { const d = lo === 0 ? 1 : Math.abs(lo) * 0.1; lo -= d; hi += d; }
    const raw = (hi - lo) / n, p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
    const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    const a = Math.floor(lo / step + 1e-9) * step, b = Math.ceil(hi / step - 1e-9) * step, ticks = [];
    for (let t = a; t <= b + step / 2; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
    return {lo: a, hi: b, ticks};
  }

  function prepare() {
    const n = h.count, x = new Float64Array(n), y = new Float64Array(n), kind = new Uint8Array(n);
    const sel = new Uint8Array(n);
    const useLog = log && n > 0 && h.value.every(v => v > 0) && (h.line || []).every(p => p[1] > 0);
    for (let i = 0; i < n; i++) {
      x[i] = h.number[i]; y[i] = useLog ? Math.log10(h.value[i]) : h.value[i];
      if (selected && selected.has(h.number[i])) sel[i] = 1;
    }
    for (const i of h.infeasible || []) kind[i] = 1;
    pts = {n, x, y, kind, sel, useLog, infeasible: (h.infeasible || []).length, selected: selected ? sel.reduce((a, b) => a + b, 0) : 0};
  }

  function extent() {
    let xlo = Infinity, xhi = -Infinity, ylo = Infinity, yhi = -Infinity;
    for (let i = 0; i < pts.n; i++) {
      const a = pts.x[i], b = pts.y[i];
      if (a < xlo) xlo = a; if (a > xhi) xhi = a; if (b < ylo) ylo = b; if (b > yhi) yhi = b;
    }
    if (!pts.n) { xlo = 0; xhi = 1; ylo = 0; yhi = 1; }
    // trial numbers are whole: whole ticks only, and a single trial sits mid-axis, ticked alone
    let xs;
    if (xlo === xhi) xs = {lo: xlo - 1, hi: xhi + 1, ticks: [xlo]};
    else {
      xs = nice(xlo, xhi, 8);
      xs.lo = xlo; xs.ticks = TL.ticks(xlo, xs.hi, 8, true); // the x axis starts at the first trial, as ECharts' 'dataMin'
    }
    let ys;
    if (pts.n && ylo === yhi) {
      const d = ylo === 0 ? 1 : Math.abs(ylo) * 0.1; // a single value, padded to draw, ticked at itself alone
      ys = {lo: ylo - d, hi: yhi + d, ticks: [ylo]};
    } else if (pts.useLog) {
      const a = Math.floor(ylo), b = Math.max(Math.ceil(yhi), a + 1), ticks = [];
      for (let t = a; t <= b; t++) ticks.push(t);
      ys = {lo: a, hi: b, ticks};
    } else ys = nice(ylo, yhi, 5);
    return {xs, ys};
  }

  function legendItems() {
    const names = ['trials'];
    if (pts.infeasible) names.push('infeasible');
    names.push('best so far');
    if (selected) names.push('selected');
    return names;
  }

  /** Packs an opaque colour as the canvas's bytes read as one little-endian 32-bit word: the colour at opacity a over white. */
  const pack = (rgb, a) => {
    const c = rgb.map(v => Math.round(v * a + 255 * (1 - a)));
    return (0xff << 24 | c[2] << 16 | c[1] << 8 | c[0]) >>> 0;
  };

  /**
   * Draws h at the div's size as the ResizeObserver last reported it: reading the size from the layout here would force
   * a synchronous layout of the page being built (~100-300 ms at 100,000 trials, in the profile); before the first report
   * the draw waits for it (it comes with the next frame's layout). Resolves the promises of the draws it completes.
   */
  function render() {
    if (!h || !size || !size[0] || !size[1]) return;
    const [w, ht] = size, dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(ht * dpr)) {
      canvas.width = Math.round(w * dpr); canvas.height = Math.round(ht * dpr);
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, w, ht);
    const {xs, ys} = extent();
    // the margins hold the widest value label (right-aligned 8 px left of the axis) and half the last trial label
    ctx.font = '12px sans-serif';
    const yLabels = ys.ticks.map(t => TL.fmt(pts.useLog ? Math.pow(10, t) : t));
    const padLeft = Math.max(PAD.left, Math.ceil(Math.max(0, ...yLabels.map(l => ctx.measureText(l).width))) + 8 + 4);
    const lastX = xs.ticks.length ? ctx.measureText(TL.fmt(xs.ticks[xs.ticks.length - 1])).width / 2 + 4 : 0;
    const padRight = Math.max(PAD.right, Math.ceil(lastX));
    const pw = Math.max(1, w - padLeft - padRight), ph = Math.max(1, ht - PAD.top - PAD.bottom);
    const sx = pw / Math.max(1e-12, xs.hi - xs.lo), sy = ph / Math.max(1e-12, ys.hi - ys.lo);
    const X = v => padLeft + (v - xs.lo) * sx, Y = v => PAD.top + ph - (v - ys.lo) * sy;
    frame = {w, ht, dpr, pw, ph, X, Y, legend: [], xLabels: xs.ticks.map(t => TL.fmt(t)), yLabels};
    index = null;

    // grid, axes and labels
    ctx.font = '12px sans-serif'; ctx.lineWidth = 1;
    ctx.strokeStyle = GRID; ctx.fillStyle = INK; ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    for (const t of ys.ticks) {
      const y = Math.round(Y(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(padLeft, y); ctx.lineTo(padLeft + pw, y); ctx.stroke();
      ctx.fillText(TL.fmt(pts.useLog ? Math.pow(10, t) : t), padLeft - 8, y);
    }
    ctx.strokeStyle = INK;
    ctx.beginPath(); ctx.moveTo(padLeft, PAD.top + ph + 0.5); ctx.lineTo(padLeft + pw, PAD.top + ph + 0.5); ctx.stroke();
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    for (const t of xs.ticks) {
      const x = Math.round(X(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, PAD.top + ph); ctx.lineTo(x, PAD.top + ph + 5); ctx.stroke();
      ctx.fillText(TL.fmt(t), x, PAD.top + ph + 8);
    }
    ctx.fillText('trial', padLeft + pw / 2, PAD.top + ph + 24);
    ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
    ctx.fillText('value', padLeft, PAD.top - 6);
    ctx.font = 'bold 13px sans-serif'; ctx.fillStyle = '#464646'; ctx.textAlign = 'left'; ctx.textBaseline = 'top';
    ctx.fillText('Optimisation history', 5, 5);

    // points: squares written into the pixel buffer (few points: marks drawn as paths, as ECharts drew them)
    const few = pts.n <= 2000;
    const show = k => !hidden.has(k === 1 ? 'infeasible' : 'trials');
    const faded = selected ? 0.25 : 0.8;
    const fill = (keep, colour) => {
      const x0 = Math.floor(padLeft * dpr) - 3, y0 = Math.floor(PAD.top * dpr) - 3;
      const bw = Math.ceil(pw * dpr) + 6, bh = Math.ceil(ph * dpr) + 6;
      const img = ctx.getImageData(x0, y0, bw, bh), buf = new Uint32Array(img.data.buffer);
      const s = Math.max(2, Math.round(3.5 * dpr)), half = s >> 1;
      const ax = dpr * sx, bx = dpr * (padLeft - xs.lo * sx) - x0 - half;
      const ay = -dpr * sy, by = dpr * (PAD.top + ph + ys.lo * sy) - y0 - half;
      for (let i = 0; i < pts.n; i++) {
        if (!keep(i)) continue;
        const px = Math.round(ax * pts.x[i] + bx), py = Math.round(ay * pts.y[i] + by);
        if (px < 0 || py < 0 || px + s > bw || py + s > bh) continue;
        const col = colour(i);
        for (let r = 0, o = py * bw + px; r < s; r++, o += bw) for (let c = 0; c < s; c++) buf[o + c] = col;
      }
      ctx.putImageData(img, x0, y0);
    };
    const marks = (keep, style, size, triangle, alpha) => {
      ctx.fillStyle = style.css; ctx.globalAlpha = alpha;
      ctx.beginPath();
      for (let i = 0; i < pts.n; i++) {
        if (!keep(i)) continue;
        const x = X(pts.x[i]), y = Y(pts.y[i]), r = size / 2;
        if (triangle) { ctx.moveTo(x, y - r); ctx.lineTo(x + r, y + r); ctx.lineTo(x - r, y + r); ctx.closePath(); }
        else { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); }
      }
      ctx.fill(); ctx.globalAlpha = 1;
    };
    if (few) {
      if (show(0)) marks(i => pts.kind[i] === 0, STYLE.trials, 5, false, faded);
      if (show(1)) marks(i => pts.kind[i] === 1, STYLE.infeasible, 6, true, 0.8);
    } else {
      const colours = [pack(STYLE.trials.rgb, faded), pack(STYLE.infeasible.rgb, 0.8)];
      fill(i => show(pts.kind[i]), i => colours[pts.kind[i]]);
    }

    // the best-so-far line, a step at each improvement
    const line = h.line || [];
    if (line.length && !hidden.has('best so far')) {
      ctx.save();
      ctx.beginPath(); ctx.rect(padLeft, PAD.top - 1, pw, ph + 2); ctx.clip();
      ctx.strokeStyle = STYLE['best so far'].css; ctx.lineWidth = 2; ctx.lineJoin = 'round';
      ctx.beginPath();
      const yOf = v => Y(pts.useLog ? Math.log10(v) : v);
      line.forEach(([n, v], i) => {
        if (i === 0) ctx.moveTo(X(n), yOf(v));
        else { ctx.lineTo(X(n), yOf(line[i - 1][1])); ctx.lineTo(X(n), yOf(v)); }
      });
      ctx.stroke(); ctx.restore();
    }
    if (selected && !hidden.has('selected')) {
      if (pts.selected <= 2000) marks(i => pts.sel[i] === 1, STYLE.selected, 6, false, 1);
      else { const c = pack(STYLE.selected.rgb, 1); fill(i => pts.sel[i] === 1, () => c); }
    }

    // the legend, right-aligned; an entry hides or shows its series
    ctx.font = '12px sans-serif'; ctx.textBaseline = 'middle'; ctx.textAlign = 'left';
    let right = w - 10;
    for (const name of legendItems().reverse()) {
      const tw = ctx.measureText(name).width, box = {name, x: right - tw - 30, y: 4, w: tw + 30, h: 18};
      right = box.x - 10;
      frame.legend.push(box);
      const off = hidden.has(name), cy = box.y + box.h / 2, cx = box.x + 10;
      ctx.fillStyle = off ? '#ccc' : STYLE[name].css; ctx.strokeStyle = ctx.fillStyle;
      if (name === 'best so far') { ctx.lineWidth = 2; ctx.beginPath(); ctx.moveTo(cx - 9, cy); ctx.lineTo(cx + 9, cy); ctx.stroke(); }
      else if (name === 'infeasible') { ctx.beginPath(); ctx.moveTo(cx, cy - 5); ctx.lineTo(cx + 5, cy + 4); ctx.lineTo(cx - 5, cy + 4); ctx.fill(); }
      else { ctx.beginPath(); ctx.arc(cx, cy, 5, 0, 2 * Math.PI); ctx.fill(); }
      ctx.fillStyle = off ? '#ccc' : '#333';
      ctx.fillText(name, box.x + 25, cy);
    }
    waiting.splice(0).forEach(resolve => resolve());
  }

  /** The series a point is shown in: selected (when brushed), else infeasible or trials; null if that series is hidden. */
  function seriesOf(i) {
    if (selected && pts.sel[i] && !hidden.has('selected')) return 'selected';
    const name = pts.kind[i] === 1 ? 'infeasible' : 'trials';
    return hidden.has(name) ? null : name;
  }

  function buildIndex() {
    const cols = Math.ceil(frame.w / CELL) + 1, rows = Math.ceil(frame.ht / CELL) + 1;
    const cell = new Int32Array(pts.n), counts = new Int32Array(cols * rows + 1);
    for (let i = 0; i < pts.n; i++) {
      const cx = Math.floor(frame.X(pts.x[i]) / CELL), cy = Math.floor(frame.Y(pts.y[i]) / CELL);
      cell[i] = cx >= 0 && cy >= 0 && cx < cols && cy < rows ? cy * cols + cx : -1;
      if (cell[i] >= 0) counts[cell[i] + 1]++;
    }
    for (let c = 1; c < counts.length; c++) counts[c] += counts[c - 1];
    const order = new Int32Array(counts[counts.length - 1]), next = counts.slice(0, -1);
    for (let i = 0; i < pts.n; i++) if (cell[i] >= 0) order[next[cell[i]]++] = i;
    index = {cols, rows, start: counts, order};
  }

  /** The point nearest (x, y) (css px relative to the div) within NEAR px, among the series shown: {series, number, value}. */
  function pointAt(x, y) {
    if (!frame || !pts || !pts.n) return null;
    if (!index) buildIndex();
    const cx = Math.floor(x / CELL), cy = Math.floor(y / CELL);
    let best = -1, bestD = NEAR * NEAR;
    for (let r = cy - 1; r <= cy + 1; r++) for (let c = cx - 1; c <= cx + 1; c++) {
      if (r < 0 || c < 0 || r >= index.rows || c >= index.cols) continue;
      const k = r * index.cols + c;
      for (let j = index.start[k]; j < index.start[k + 1]; j++) {
        const i = index.order[j];
        if (!seriesOf(i)) continue;
        const dx = frame.X(pts.x[i]) - x, dy = frame.Y(pts.y[i]) - y, d = dx * dx + dy * dy;
        // on a tie the selected point wins, as it is drawn on top
        if (d < bestD || (d === bestD && best >= 0 && pts.sel[i] && !pts.sel[best])) { best = i; bestD = d; }
      }
    }
    return best < 0 ? null : {series: seriesOf(best), number: h.number[best], value: h.value[best]};
  }

  function count(series) {
    if (!pts || hidden.has(series)) return 0;
    if (series === 'selected') return selected ? pts.selected : 0;
    if (series === 'best so far') return (h.line || []).length;
    let n = 0;
    const k = series === 'infeasible' ? 1 : 0;
    for (let i = 0; i < pts.n; i++) if (pts.kind[i] === k) n++;
    return n;
  }

  const local = e => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
  const legendAt = (x, y) => frame && frame.legend.find(b => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h);
  canvas.addEventListener('mousemove', e => {
    const [x, y] = local(e);
    const p = legendAt(x, y) ? null : pointAt(x, y);
    canvas.style.cursor = p || legendAt(x, y) ? 'pointer' : 'default';
    if (!p) { tip.style.display = 'none'; return; }
    tip.replaceChildren(p.series, document.createElement('br'), 'trial #' + p.number + ': ' + TL.fmt(p.value));
    tip.style.display = 'block';
    const left = x + 14 + tip.offsetWidth > frame.w ? x - 14 - tip.offsetWidth : x + 14;
    tip.style.left = left + 'px'; tip.style.top = Math.max(0, y - tip.offsetHeight - 8) + 'px';
  });
  canvas.addEventListener('mouseleave', () => { tip.style.display = 'none'; });
  canvas.addEventListener('click', e => {
    const [x, y] = local(e);
    const box = legendAt(x, y);
    if (box) { if (hidden.has(box.name)) hidden.delete(box.name); else hidden.add(box.name); render(); return; }
    const p = pointAt(x, y);
    if (p && opts.onOpen) opts.onOpen(p.number);
  });
  new ResizeObserver(entries => {
    const r = entries[entries.length - 1].contentRect, next = [Math.round(r.width), Math.round(r.height)];
    if (!size || next[0] !== size[0] || next[1] !== size[1]) { size = next; render(); }
  }).observe(div);

  const api = {
    /** Draws the history (now, or once the div's size is known); resolves when it is drawn. */
    draw(history, o) {
      h = history; log = !!(o && o.log); selected = (o && o.selected) || null;
      prepare();
      const drawn = new Promise(resolve => waiting.push(resolve));
      render();
      return drawn;
    },
    count, pointAt,
    /** Where the point of trial number is drawn, relative to the div: [x, y], or null if the history has no such point. */
    screenOf(number) {
      const i = pts ? h.number.indexOf(number) : -1;
      return i < 0 || !frame ? null : [frame.X(pts.x[i]), frame.Y(pts.y[i])];
    },
    /** The tick labels as drawn: {x: [...], y: [...]} (bottom to top), or null before the first draw. */
    axisLabels: () => frame ? {x: frame.xLabels, y: frame.yLabels} : null,
    /** The legend entry of a series, relative to the div: {name, x, y, w, h}, or undefined. */
    legendBox: name => frame && frame.legend.find(b => b.name === name),
    /** Whether the series is hidden (its legend entry clicked). */
    hidden: name => hidden.has(name),
  };
  div.__historyChart = api;
  return api;
};
/** The chart drawn in a div by TL.HistoryChart, if any. */
TL.HistoryChart.of = div => div.__historyChart || null;
/**
 * Fetches the server's history in binary (see StudyChartRoutes#historyBinary): the JSON head's fields and the cursor
 * (from the Tunelab-Cursor header), with number an
 * Int32Array and value a Float32Array or Float64Array viewing the response's bytes (no JSON to parse for the columns).
 * An error answer is JSON, thrown as TL.ApiError.
 */
TL.HistoryChart.load = async path => {
  const res = await fetch(path);
  if (!res.ok) {
    const text = await res.text();
    let body;
    try { body = JSON.parse(text); } catch (e) { body = {message: text}; }
    throw new TL.ApiError(res.status, body);
  }
  const buf = await res.arrayBuffer();
  const length = new DataView(buf).getUint32(0, true);
  const h = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, length)));
  h.cursor = Number(res.headers.get('Tunelab-Cursor'));
  const at = Math.ceil((4 + length) / 8) * 8, valuesAt = at + Math.ceil(4 * h.count / 8) * 8;
  h.number = new Int32Array(buf, at, h.count);
  h.value = h.valueBytes === 4 ? new Float32Array(buf, valuesAt, h.count) : new Float64Array(buf, valuesAt, h.count);
  return h;
};
