'use strict';
/*
 * The parallel coordinates, drawn on canvases of their own rather than by ECharts: ECharts' parallel series took
 * 170-380 ms for the 2,000 sampled lines of a 100,000-trial study (an element and a style per line, drawn over frames);
 * here each axis is a typed array, the lines are sorted into colour buckets and each bucket is one path.
 *
 *   const chart = TL.ParallelChart(div, {onBrush(e)});
 *   chart.draw(m)    (a promise: drawn) m, see TL.StudyCharts#parallel:
 *     title: the text above the chart;
 *     axes: [{id, name, type: 'category' | 'value' | 'log', choices (category: the labels, bottom to top),
 *             range: [min, max] (value, log: the axis' extent; null: the drawn lines' extent)}, ...], left to right;
 *     n: lines; number: Int32Array (trial numbers); columns: one Float64Array of n per axis (a category axis holds
 *     the choice's index; NaN: no value, the line joins its neighbours); colour: the axis whose value colours a line;
 *     best: 'low' (the default) or 'high', which end of the colour axis is best (the study's direction): the best lines
 *     get the scale's first colour (blue) and the worst its last (red) whether the value is minimized or maximized;
 *     opacity: of a line while nothing is brushed.
 *
 * What the ECharts chart offered is kept: one axis per parameter (categorical with its choices, log for log-scale
 * parameters, numeric ranges given by the server, so they span every trial) and the value axis, lines coloured by
 * value with the colour scale's legend (high at the top), the title, and axis brushing: dragging along an axis (within
 * 10 px of it) selects an interval, which replaces that axis' intervals unless Shift or Ctrl is held (then it adds
 * one); an interval is moved by dragging it and resized by dragging its ends; a click on the axis outside its
 * intervals clears them. Brushing takes any pointer (Pointer Events: mouse, pen or touch; a touch drag that starts on an
 * axis' strip brushes, one that starts elsewhere on the chart scrolls the page as on any other element). Each change
 * calls onBrush({parallelAxisId, intervals}) with the axis' intervals [[low, high], ...] in data values (category
 * axes: choice indices, as ECharts' axisareaselected), and the lines inside every brushed axis' intervals are drawn on
 * top at full opacity, the others faded. Intervals stay across draws while
 * their axis does (clearBrush() drops them all).
 * For tests and the page: title(), count('lines' | 'active'), intervals(axisId), axes(), axisBox(axisId) and screenOf(number)
 * (css px relative to the div).
 */
TL.ParallelChart = function (div, options) {
  const opts = Object.assign({onBrush: null}, options);
  const PAD = {left: 60, right: 110, top: 60, bottom: 30};
  const AREA = 20; // the width of an axis' brushing strip, as ECharts' areaSelectStyle
  const EDGE = 4; // within this many px of an interval's end, a drag resizes it
  const BUCKETS = 64;
  const STOPS = [[0x2b, 0x59, 0xc3], [0x7a, 0xa7, 0xe0], [0xf0, 0xc7, 0x5e], [0xd9, 0x53, 0x4f]];
  const INK = '#6e7079', COVER = 'rgba(160, 179, 222, 0.35)', COVER_EDGE = '#7d94c4';
  const INACTIVE = 0.03, ACTIVE = 1;
  const layer = () => { const c = document.createElement('canvas'); c.style.cssText = 'position: absolute; left: 0; top: 0; width: 100%; height: 100%'; return c; };
  const lines = layer(), overlay = layer();
  // one grip per axis strip, above the overlay: the only places where a finger brushes instead of scrolling the page
  const grips = document.createElement('div');
  grips.style.cssText = 'position: absolute; left: 0; top: 0; width: 100%; height: 100%; pointer-events: none';
  div.style.position = 'relative';
  div.replaceChildren(lines, overlay, grips);
  let m = null; // the model last drawn
  const brush = new Map(); // axis id -> [[low, high], ...] in data values
  let active = null; // Uint8Array per line (1: inside every brushed axis' intervals), null when nothing is brushed
  let frame = null; // the last draw's geometry
  let size = null; // the div's content size, as the ResizeObserver last reported it
  let drag = null; // the interval being drawn, moved or resized
  const waiting = [];

  /**
   * An axis' scale: pos(value) in [0, 1] from the bottom, value(pos) back (clamped to the axis), and its ticks as
   * [value, label]. A category axis puts choice i at the centre of band i, as ECharts does.
   */
  function scaleOf(axis, column) {
    if (axis.type === 'category') {
      const k = Math.max(1, axis.choices.length);
      const every = Math.max(1, Math.ceil(k / 12)); // at most a dozen labels
      return {pos: v => (v + 0.5) / k, value: t => Math.min(k - 1, Math.max(0, Math.round(t * k - 0.5))),
        ticks: axis.choices.map((c, i) => [i, c]).filter((t, i) => i % every === 0)};
    }
    let [lo, hi] = axis.range || [Infinity, -Infinity];
    if (!axis.range) for (let i = 0; i < column.length; i++) { const v = column[i]; if (v < lo) lo = v; if (v > hi) hi = v; }
    // an axis no drawn line has a value on (a conditional parameter) spans [0, 1], linear
    if (!(lo <= hi)) { lo = 0; hi = 1; }
    const log = axis.type === 'log' && lo > 0;
    const f = log ? Math.log10 : (v => v), g = log ? (t => Math.pow(10, t)) : (t => t);
    let a = f(lo), b = f(hi);
    if (!(b > a)) { const d = a === 0 ? 1 : Math.abs(a) * 0.1; a -= d; b += d; }
    const clamp = v => Math.min(g(b), Math.max(g(a), v));
    let marks;
    if (log && b - a >= 1) {
      marks = [];
      for (let e = Math.ceil(a - 1e-9); e <= b + 1e-9; e++) marks.push(Math.pow(10, e));
    } else {
      // an axis whose values and ends are whole numbers (an integer parameter) gets whole ticks: no 1.5 layers
      let whole = Number.isInteger(lo) && Number.isInteger(hi);
      for (let i = 0; whole && i < column.length; i++) whole = Number.isNaN(column[i]) || Number.isInteger(column[i]);
      marks = TL.ticks(g(a), g(b), 5, whole && !log);
    }
    // a single value (one trial) is padded to draw, but ticked at itself alone, not spread over the pad
    if (lo === hi) marks = [lo];
    return {pos: v => (f(v) - a) / (b - a), value: t => clamp(g(a + t * (b - a))), ticks: marks.map(v => [v, TL.fmt(v)])};
  }

  /** Whether high values are best: the colour scale runs from its last colour (low) to its first (high). */
  const highIsBest = () => m.best === 'high';
  /**
   * The colour of a value's bucket (0: the lowest values): the four stops interpolated over the colour axis' extent, as
   * ECharts' visualMap, the first stop at the best end.
   */
  function bucketColour(j) {
    const b = highIsBest() ? BUCKETS - 1 - j : j;
    const t = (b + 0.5) / BUCKETS * (STOPS.length - 1), i = Math.min(STOPS.length - 2, Math.floor(t)), u = t - i;
    const c = STOPS[i].map((v, q) => Math.round(v + (STOPS[i + 1][q] - v) * u));
    return 'rgb(' + c.join(',') + ')';
  }

  /** Whether line i lies inside the intervals of every brushed axis (a line without a value there does not). */
  function computeActive() {
    const brushed = m.axes.map((a, j) => [j, brush.get(a.id)]).filter(([, iv]) => iv && iv.length);
    if (!brushed.length) { active = null; return; }
    active = new Uint8Array(m.n);
    for (let i = 0; i < m.n; i++) {
      let inside = 1;
      for (const [j, iv] of brushed) {
        const v = m.columns[j][i];
        if (!(v === v) || !iv.some(([lo, hi]) => v >= lo && v <= hi)) { inside = 0; break; }
      }
      active[i] = inside;
    }
  }

  function layout() {
    const [w, ht] = size, k = m.axes.length;
    const scales = m.axes.map((a, j) => scaleOf(a, m.columns[j]));
    // the left margin holds the first axis' widest tick label (right-aligned 8 px left of it) and half its name
    const measure = overlay.getContext('2d'), widest = (font, texts) => {
      measure.font = font;
      return Math.max(0, ...texts.map(t => measure.measureText(t).width));
    };
    const left = !k ? PAD.left : Math.ceil(Math.max(PAD.left, widest('12px sans-serif', scales[0].ticks.map(t => t[1])) + 8 + 4,
      widest('11px sans-serif', [m.axes[0].name]) / 2 + 4));
    const pw = Math.max(1, w - left - PAD.right), ph = Math.max(1, ht - PAD.top - PAD.bottom);
    const xs = m.axes.map((a, j) => left + (k > 1 ? j * pw / (k - 1) : pw / 2));
    // pixel y of every line on every axis (NaN: no value)
    const ys = m.columns.map((col, j) => {
      const y = new Float32Array(m.n), s = scales[j];
      for (let i = 0; i < m.n; i++) y[i] = col[i] === col[i] ? PAD.top + ph - s.pos(col[i]) * ph : NaN;
      return y;
    });
    // lines by colour bucket (a counting sort), the value's extent from the colour axis' scale
    const cs = scales[m.colour], bucket = new Int32Array(BUCKETS + 1), of = new Uint8Array(m.n);
    for (let i = 0; i < m.n; i++) {
      const v = m.columns[m.colour][i];
      of[i] = v === v ? Math.min(BUCKETS - 1, Math.max(0, Math.floor(cs.pos(v) * BUCKETS))) : 0;
      bucket[of[i] + 1]++;
    }
    for (let j = 1; j <= BUCKETS; j++) bucket[j] += bucket[j - 1];
    const order = new Int32Array(m.n), next = bucket.slice(0, BUCKETS);
    for (let i = 0; i < m.n; i++) order[next[of[i]]++] = i;
    frame = {w, ht, pw, ph, xs, scales, ys, bucket, order};
  }

  function canvasFor(c) {
    const dpr = window.devicePixelRatio || 1, [w, ht] = size;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(ht * dpr)) { c.width = Math.round(w * dpr); c.height = Math.round(ht * dpr); }
    const ctx = c.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, ht);
    return ctx;
  }

  /** The lines, one path per colour bucket: the faded ones first, then (when brushed) the brushed ones on top. */
  function drawLines() {
    const ctx = canvasFor(lines), {xs, ys, bucket, order} = frame, k = xs.length;
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, frame.w, frame.ht);
    ctx.lineWidth = 1; ctx.lineJoin = 'round';
    const pass = (keep, alpha) => {
      ctx.globalAlpha = alpha;
      for (let b = 0; b < BUCKETS; b++) {
        if (bucket[b] === bucket[b + 1]) continue;
        ctx.strokeStyle = bucketColour(b);
        ctx.beginPath();
        for (let o = bucket[b]; o < bucket[b + 1]; o++) {
          const i = order[o];
          if (!keep(i)) continue;
          let started = false;
          for (let j = 0; j < k; j++) {
            const y = ys[j][i];
            if (y !== y) continue;
            if (started) ctx.lineTo(xs[j], y); else { ctx.moveTo(xs[j], y); started = true; }
          }
        }
        ctx.stroke();
      }
    };
    if (active) { pass(i => !active[i], INACTIVE); pass(i => active[i] === 1, ACTIVE); }
    else pass(() => true, m.opacity);
    ctx.globalAlpha = 1;
  }

  /** Title, axes with their names, ticks and labels, the brushed intervals and the colour scale's legend. */
  function drawOverlay() {
    const ctx = canvasFor(overlay), {xs, scales, ph, w, ht} = frame;
    ctx.font = 'bold 13px sans-serif'; ctx.fillStyle = '#464646'; ctx.textAlign = 'left'; ctx.textBaseline = 'top';
    ctx.fillText(m.title, 5, 5);
    const Y = t => PAD.top + ph - t * ph;
    m.axes.forEach((a, j) => {
      const x = Math.round(xs[j]) + 0.5;
      for (const [lo, hi] of brush.get(a.id) || []) {
        const y0 = Y(scales[j].pos(hi)), y1 = Y(scales[j].pos(lo));
        ctx.fillStyle = COVER; ctx.fillRect(x - AREA / 2, y0, AREA, Math.max(1, y1 - y0));
        ctx.strokeStyle = COVER_EDGE; ctx.lineWidth = 1; ctx.strokeRect(x - AREA / 2, y0, AREA, Math.max(1, y1 - y0));
      }
      ctx.strokeStyle = INK; ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(x, PAD.top); ctx.lineTo(x, PAD.top + ph); ctx.stroke();
      ctx.font = '12px sans-serif'; ctx.fillStyle = INK; ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
      for (const [v, label] of scales[j].ticks) {
        const y = Math.round(Y(scales[j].pos(v))) + 0.5;
        ctx.strokeStyle = INK; ctx.lineWidth = 1;
        ctx.beginPath(); ctx.moveTo(x - 5, y); ctx.lineTo(x, y); ctx.stroke();
        // a white halo keeps the label readable over the lines
        ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)'; ctx.lineWidth = 3; ctx.strokeText(label, x - 8, y);
        ctx.fillText(label, x - 8, y);
      }
      ctx.font = '11px sans-serif'; ctx.fillStyle = '#333'; ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
      ctx.fillText(a.name, x, PAD.top - 14);
    });
    // the colour scale: high at the top, low at the bottom (as ECharts' visualMap, itemHeight 120), the best end first colour
    const lw = 20, lh = 120, lx = w - 4 - lw, ly = Math.round((ht - lh) / 2);
    const g = highIsBest() ? ctx.createLinearGradient(0, ly, 0, ly + lh) : ctx.createLinearGradient(0, ly + lh, 0, ly);
    STOPS.forEach((c, i) => g.addColorStop(i / (STOPS.length - 1), 'rgb(' + c.join(',') + ')'));
    ctx.fillStyle = g; ctx.fillRect(lx, ly, lw, lh);
    ctx.font = '12px sans-serif'; ctx.fillStyle = '#333'; ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom'; ctx.fillText('high', lx + lw / 2, ly - 4);
    ctx.textBaseline = 'top'; ctx.fillText('low', lx + lw / 2, ly + lh + 4);
    const range = m.axes[m.colour].range;
    if (range) {
      ctx.fillStyle = INK; ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
      ctx.fillText(TL.fmt(range[1]), lx - 4, ly + 6); ctx.fillText(TL.fmt(range[0]), lx - 4, ly + lh - 6);
    }
  }

  function render() {
    if (!m || !size || !size[0] || !size[1]) return;
    layout(); placeGrips(); computeActive(); drawLines(); drawOverlay();
    waiting.splice(0).forEach(resolve => resolve());
  }

  // --- brushing: a strip AREA px wide along each axis, reaching a little beyond its ends (as ECharts' brush panel)
  const local = e => { const r = overlay.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
  const reach = () => Math.min(30, frame.ph * 0.1); // how far a strip reaches beyond its axis' ends
  function stripAt(x, y) {
    if (!frame) return -1;
    const extra = reach();
    if (y < PAD.top - extra || y > PAD.top + frame.ph + extra) return -1;
    return frame.xs.findIndex(ax => Math.abs(x - ax) <= AREA / 2);
  }
  /** Lays a grip over every axis' strip; its touch-action none keeps a finger dragging there from scrolling the page. */
  function placeGrips() {
    const extra = reach(), top = PAD.top - extra, height = frame.ph + 2 * extra;
    grips.replaceChildren(...frame.xs.map(x => {
      const g = document.createElement('div');
      g.className = 'parallel-grip';
      g.style.cssText = `position: absolute; left: ${x - AREA / 2}px; top: ${top}px; width: ${AREA}px; height: ${height}px;`
          + ' pointer-events: auto; touch-action: none';
      return g;
    }));
  }
  const posAt = y => Math.min(1, Math.max(0, (PAD.top + frame.ph - y) / frame.ph));
  /** The interval of axis j under y and which part: 'move', 'lo' or 'hi' (its ends), or null. */
  function coverAt(j, y) {
    const s = frame.scales[j], iv = brush.get(m.axes[j].id) || [];
    for (let q = iv.length - 1; q >= 0; q--) {
      const top = PAD.top + frame.ph - s.pos(iv[q][1]) * frame.ph, bottom = PAD.top + frame.ph - s.pos(iv[q][0]) * frame.ph;
      if (Math.abs(y - top) <= EDGE) return {q, part: 'hi'};
      if (Math.abs(y - bottom) <= EDGE) return {q, part: 'lo'};
      if (y > top && y < bottom) return {q, part: 'move'};
    }
    return null;
  }
  function emit(j) {
    const id = m.axes[j].id;
    computeActive(); drawLines(); drawOverlay();
    if (opts.onBrush) opts.onBrush({parallelAxisId: id, intervals: (brush.get(id) || []).map(iv => iv.slice())});
  }
  /** The interval [low, high] between two heights of axis j, in data values (category axes: choice indices). */
  function interval(j, y0, y1) {
    const s = frame.scales[j], a = s.value(posAt(y0)), b = s.value(posAt(y1));
    return a <= b ? [a, b] : [b, a];
  }
  // Pointer Events, so a mouse, a pen and a finger brush alike. The chart's div listens (the overlay's events and the
  // grips' bubble to it) and captures the pointer that starts a drag, so its moves and its release reach the chart
  // wherever they happen. Only the grips (the axis strips) have touch-action none: a finger dragging along an axis
  // brushes, one dragging between the axes scrolls the page (and the wheel scrolls it anywhere).
  div.addEventListener('pointerdown', e => {
    if (drag || !e.isPrimary || e.button !== 0) return;
    const [x, y] = local(e), j = stripAt(x, y);
    if (j < 0) return;
    e.preventDefault();
    const hit = coverAt(j, y), id = m.axes[j].id, s = frame.scales[j];
    const kept = (brush.get(id) || []).map(iv => iv.slice()), pointer = e.pointerId;
    if (hit) {
      const iv = kept[hit.q], ends = [PAD.top + frame.ph - s.pos(iv[1]) * frame.ph, PAD.top + frame.ph - s.pos(iv[0]) * frame.ph];
      drag = {pointer, j, id, kept, q: hit.q, part: hit.part, y0: y, ends, moved: false};
    } else drag = {pointer, j, id, kept, add: e.shiftKey || e.ctrlKey || e.metaKey, y0: y, moved: false};
    try { div.setPointerCapture(pointer); } catch (ignored) { /* the pointer is gone already: its pointerup ends the drag */ }
  });
  // the cancelled pointerdown above suppresses the mouse press that follows it; where a browser sends it anyway, it is
  // cancelled too, as before Pointer Events (a drag on the chart starts no text selection)
  div.addEventListener('mousedown', e => { if (drag) e.preventDefault(); });
  function follow(e, end) {
    if (!drag || e.pointerId !== drag.pointer) return;
    const [, y] = local(e), d = drag;
    if (!d.moved && Math.abs(y - d.y0) < 2) {
      if (end) { // a click: outside an interval it clears the axis' intervals; on one it does nothing
        drag = null;
        if (d.q == null && d.kept.length) { brush.delete(d.id); emit(d.j); }
      }
      return;
    }
    d.moved = true;
    const out = d.kept.map(iv => iv.slice());
    if (d.q == null) {
      if (!d.add) out.length = 0;
      out.push(interval(d.j, d.y0, y));
    } else {
      let [top, bottom] = d.ends;
      if (d.part === 'move') { top += y - d.y0; bottom += y - d.y0; } else if (d.part === 'hi') top = y; else bottom = y;
      out[d.q] = interval(d.j, bottom, top);
    }
    brush.set(d.id, out);
    if (end) { drag = null; emit(d.j); } else drawOverlay();
  }
  /** A drag the browser took away (pointercancel, capture lost before the release): the axis keeps its intervals as before it. */
  function abandon(e) {
    if (!drag || e.pointerId !== drag.pointer) return;
    const d = drag;
    drag = null;
    if (d.kept.length) brush.set(d.id, d.kept); else brush.delete(d.id);
    drawOverlay();
  }
  div.addEventListener('pointermove', e => {
    if (drag) { follow(e, false); return; }
    const [x, y] = local(e), j = stripAt(x, y), hit = j >= 0 ? coverAt(j, y) : null;
    div.style.cursor = j < 0 ? 'default' : hit ? (hit.part === 'move' ? 'move' : 'ns-resize') : 'crosshair';
  });
  div.addEventListener('pointerup', e => follow(e, true));
  div.addEventListener('pointercancel', abandon);
  div.addEventListener('lostpointercapture', abandon);
  new ResizeObserver(entries => {
    const r = entries[entries.length - 1].contentRect, next = [Math.round(r.width), Math.round(r.height)];
    if (!size || next[0] !== size[0] || next[1] !== size[1]) { size = next; render(); }
  }).observe(div);

  const api = {
    /** Draws the lines (now, or once the div's size is known); resolves when drawn. Intervals of axes no longer drawn go. */
    draw(model) {
      m = model;
      const ids = new Set(m.axes.map(a => a.id));
      for (const id of [...brush.keys()]) if (!ids.has(id)) brush.delete(id);
      const drawn = new Promise(resolve => waiting.push(resolve));
      render();
      return drawn;
    },
    /** Forgets every brushed interval (no onBrush call) and redraws. */
    clearBrush() { brush.clear(); if (frame) { computeActive(); drawLines(); drawOverlay(); } },
    title: () => m ? m.title : null,
    /** Lines drawn ('lines'), or drawn inside every brushed axis' intervals ('active': 0 when nothing is brushed). */
    count(what) {
      if (!m) return 0;
      if (what === 'lines') return m.n;
      return active ? active.reduce((a, b) => a + b, 0) : 0;
    },
    intervals: id => (brush.get(id) || []).map(iv => iv.slice()),
    /** The axes as drawn, left to right: [{id, name, type, labels (of the ticks, bottom to top)}]. */
    axes: () => m && frame ? m.axes.map((a, j) => ({id: a.id, name: a.name, type: a.type, labels: frame.scales[j].ticks.map(t => t[1])})) : [],
    /** Where axis id is drawn, relative to the div: {x, top, bottom}, or null. */
    axisBox(id) {
      const j = m && frame ? m.axes.findIndex(a => a.id === id) : -1;
      return j < 0 ? null : {x: frame.xs[j], top: PAD.top, bottom: PAD.top + frame.ph};
    },
    /** The points of trial number's line, relative to the div ([x, y] per axis, null where it has no value), or null. */
    screenOf(number) {
      const i = m && frame ? m.number.indexOf(number) : -1;
      return i < 0 ? null : frame.xs.map((x, j) => frame.ys[j][i] === frame.ys[j][i] ? [x, frame.ys[j][i]] : null);
    },
  };
  div.__parallelChart = api;
  return api;
};
/** The chart drawn in a div by TL.ParallelChart, if any. */
TL.ParallelChart.of = div => div.__parallelChart || null;
