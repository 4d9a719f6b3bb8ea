'use strict';
/*
 * The benchmark's reference for the study page (study-reference.html?id=N[&lines=L]): the requests the study page makes
 * for its first screen (study-first.js: the study, its space, the binary history, the sample of lines, the importance
 * and the trials table's first page), started at once from the head, then the same points drawn on two plain canvases:
 * every history point as a 3 x 3 px square written into the pixel buffer and the best-so-far step line; the sample's
 * COMPLETE trials with a value as parallel-coordinates lines (one path, one colour) over an axis per parameter (log
 * parameters on a log axis, categorical ones at their choice's index, numeric ones over the server's ranges) and the
 * value's. No axes, ticks, labels, legend, table or importance bars: what is left is fetching, decoding and drawing.
 * Marks as the study page: performance marks charts-loaded, history-drawn and parallel-drawn, then
 * document.body.dataset.readyMs (the time from navigation, what the benchmark reads) and data-ready="1".
 */
(() => {
  const query = new URLSearchParams(location.search);
  const id = encodeURIComponent(query.get('id'));
  const lines = Math.max(1, Number(query.get('lines')) || 2000);
  const base = '/api/studies/' + id;
  const json = path => fetch(path).then(r => { if (!r.ok) throw new Error(path + ': HTTP ' + r.status); return r.json(); });
  /** The binary history (StudyChartRoutes#historyBinary): a uint32 length, that many bytes of JSON, then padded columns. */
  const history = fetch(base + '/history.bin?objective=0').then(r => {
    if (!r.ok) throw new Error('history: HTTP ' + r.status);
    return r.arrayBuffer();
  }).then(buf => {
    const length = new DataView(buf).getUint32(0, true);
    const h = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, length)));
    const at = Math.ceil((4 + length) / 8) * 8, valuesAt = at + Math.ceil(4 * h.count / 8) * 8;
    h.number = new Int32Array(buf, at, h.count);
    h.value = h.valueBytes === 4 ? new Float32Array(buf, valuesAt, h.count) : new Float64Array(buf, valuesAt, h.count);
    return h;
  });
  const table = '/table?' + new URLSearchParams({filter: '', sort: 'number', desc: false, offset: 0, limit: 200, metrics: ''});
  const requests = [json(base), json(base + '/space'), history, json(base + '/sample?objective=0&lines=' + lines),
    json(base + '/importance?objective=0'), json(base + table)];
  requests.forEach(p => p.catch(() => {}));

  /** A 2d context scaled to the canvas' css size, and that size. */
  function context(canvas) {
    const dpr = window.devicePixelRatio || 1, w = canvas.clientWidth, h = canvas.clientHeight;
    canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return {ctx, w, h, dpr};
  }

  function drawHistory(h) {
    const {ctx, w, h: ht, dpr} = context(document.getElementById('history'));
    const pad = 40, n = h.count;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = h.number[i], y = h.value[i];
      if (x < x0) x0 = x; if (x > x1) x1 = x;
      if (y < y0) y0 = y; if (y > y1) y1 = y; // NaN compares false: skipped
    }
    if (!(x1 > x0)) { x0 -= 1; x1 += 1; }
    if (!(y1 > y0)) { y0 = (y0 === y0 && y0 !== Infinity ? y0 : 0) - 1; y1 = y0 + 2; }
    const X = x => pad + (x - x0) / (x1 - x0) * (w - 2 * pad), Y = y => ht - pad - (y - y0) / (y1 - y0) * (ht - 2 * pad);
    // the points, 3 x 3 css px each, straight into the pixel buffer
    const W = Math.round(w * dpr), H = Math.round(ht * dpr), image = ctx.createImageData(W, H), px = new Uint32Array(image.data.buffer);
    const colour = 0xffc36f3b, size = Math.max(1, Math.round(3 * dpr)); // #3b6fd8 as little-endian ABGR
    for (let i = 0; i < n; i++) {
      const v = h.value[i];
      if (!(v === v)) continue;
      const cx = Math.round(X(h.number[i]) * dpr), cy = Math.round(Y(v) * dpr);
      for (let dy = 0; dy < size; dy++) {
        const row = cy - (size >> 1) + dy;
        if (row < 0 || row >= H) continue;
        for (let dx = 0; dx < size; dx++) { const col = cx - (size >> 1) + dx; if (col >= 0 && col < W) px[row * W + col] = colour; }
      }
    }
    ctx.putImageData(image, 0, 0);
    // the best-so-far line, a step at each improvement
    ctx.strokeStyle = '#c62828'; ctx.lineWidth = 2; ctx.beginPath();
    let last = null;
    for (const [x, y] of h.line || []) {
      if (last === null) ctx.moveTo(X(x), Y(y)); else { ctx.lineTo(X(x), last); ctx.lineTo(X(x), Y(y)); }
      last = Y(y);
    }
    ctx.stroke();
    return n;
  }

  function drawParallel(info, space) {
    const {ctx, w, h} = context(document.getElementById('parallel'));
    const c = info.trials, complete = c.states.indexOf('COMPLETE'), objective = c.values[0] || [];
    const rows = [];
    for (let i = 0; i < c.count; i++) if (c.state[i] === complete && Number.isFinite(objective[i])) rows.push(i);
    // one function per axis from a row to a height in [0, 1] (NaN: no value there; the line joins its neighbours)
    const axes = Object.keys(space).map(p => {
      const d = space[p] || {}, col = c.params[p];
      if (!col) return () => NaN;
      if (d.type === 'categorical') {
        const at = new Map(d.choices.map((x, i) => [String(x), i])), k = Math.max(1, d.choices.length);
        const of = col.codes ? col.choices.map(x => at.has(String(x)) ? at.get(String(x)) : NaN) : null;
        return i => { const j = of ? (col.codes[i] >= 0 ? of[col.codes[i]] : NaN) : at.has(String(col.values[i])) ? at.get(String(col.values[i])) : NaN; return (j + 0.5) / k; };
      }
      const [lo, hi] = info.ranges[p] || [0, 1], log = d.log && lo > 0;
      const f = log ? Math.log10 : (v => v), a = f(lo), b = f(hi) > a ? f(hi) : a + 1;
      return i => { const v = col.values[i]; return v == null ? NaN : (f(v) - a) / (b - a); };
    });
    const [vlo, vhi] = info.ranges.value || [0, 1];
    axes.push(i => (objective[i] - vlo) / (vhi > vlo ? vhi - vlo : 1));
    const pad = {left: 60, right: 110, top: 60, bottom: 30}, k = axes.length;
    const pw = w - pad.left - pad.right, ph = h - pad.top - pad.bottom;
    const xs = axes.map((f, j) => pad.left + (k > 1 ? j * pw / (k - 1) : pw / 2));
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, w, h);
    ctx.strokeStyle = '#3b6fd8'; ctx.globalAlpha = rows.length > 2000 ? 0.15 : 0.45; ctx.lineWidth = 1; ctx.beginPath();
    for (const i of rows) {
      let started = false;
      for (let j = 0; j < k; j++) {
        const t = axes[j](i);
        if (!(t === t)) continue;
        const y = pad.top + ph - t * ph;
        if (started) ctx.lineTo(xs[j], y); else { ctx.moveTo(xs[j], y); started = true; }
      }
    }
    ctx.stroke();
    ctx.globalAlpha = 1; ctx.strokeStyle = '#6e7079'; ctx.beginPath();
    for (const x of xs) { ctx.moveTo(x, pad.top); ctx.lineTo(x, pad.top + ph); }
    ctx.stroke();
    return rows.length;
  }

  const loaded = new Promise(resolve => document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', resolve) : resolve());
  Promise.all([loaded, ...requests]).then(([, study, space, h, sample, importance, page]) => {
    performance.mark('charts-loaded');
    const points = drawHistory(h);
    performance.mark('history-drawn');
    const drawn = drawParallel(sample, space);
    performance.mark('parallel-drawn');
    document.getElementById('summary').textContent = study.name + ': ' + points + ' history points, ' + drawn + ' lines of '
      + sample.counted + ' trials, ' + (importance.importances || []).length + ' importances, ' + (page.rows || []).length
      + ' table rows of ' + page.total;
    document.body.dataset.readyMs = String(performance.now());
    document.body.dataset.ready = '1';
  }).catch(e => { document.getElementById('summary').textContent = 'failed: ' + e.message; document.body.dataset.error = e.message; });
})();
