'use strict';
/* Shared helpers. Every user-provided string reaches the page through textContent (el) or esc(), never innerHTML. */
const TL = (() => {
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = String(v);
      else if (k === 'style') e.style.cssText = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c != null) e.append(c instanceof Node ? c : String(c));
    return e;
  }
  const ESC = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
  /** Escapes text for the few places that take HTML (ECharts tooltips). */
  function esc(s) { return String(s).replace(/[&<>"']/g, c => ESC[c]); }
  /** JSON numbers arrive as numbers, or as "NaN"/"Infinity"/"-Infinity" strings. */
  function num(v) {
    if (typeof v === 'number') return v;
    if (v === 'NaN' || v == null) return NaN;
    if (v === 'Infinity') return Infinity;
    if (v === '-Infinity') return -Infinity;
    return Number(v);
  }
  /** A chart-safe number: non-finite becomes null (a gap). */
  function finite(v) { const n = num(v); return Number.isFinite(n) ? n : null; }
  function fmt(v) {
    if (v == null) return '';
    if (typeof v === 'string' && !['NaN', 'Infinity', '-Infinity'].includes(v)) return v;
    const n = num(v);
    if (typeof v === 'boolean') return String(v);
    if (!Number.isFinite(n)) return String(n);
    if (Number.isInteger(n) && Math.abs(n) < 1e12) return String(n);
    const a = Math.abs(n);
    if (a !== 0 && (a < 1e-3 || a >= 1e6)) return n.toExponential(4);
    // Zeros are dropped after the point only: 100000.4 is 100000, not 1.
    const s = n.toPrecision(6);
    return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  }
  // Local date and time as 2026-12-03 17:28:10: a page's first toLocaleString() loads the locale's data (~100 ms cold).
  const two = n => String(n).padStart(2, '0');
  function fmtTime(ms) {
    if (ms == null) return '';
    const d = new Date(ms);
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
  }
  function fmtDuration(start, end) {
    if (start == null) return '';
    const s = ((end == null ? Date.now() : end) - start) / 1000;
    return s < 60 ? s.toFixed(1) + ' s' : s < 3600 ? (s / 60).toFixed(1) + ' min' : (s / 3600).toFixed(2) + ' h';
  }
  function param(name) { return new URLSearchParams(location.search).get(name); }
  /**
   * The address of a dashboard page (path: '/trial.html?id=3') to link or go to from this one: it carries this page's
   * ?live=0 over (see events), so a page opened without its event stream, for a headless screenshot, leads only to
   * pages without one. For pages only, not the API (downloads).
   */
  function page(path) {
    if (param('live') !== '0') return path;
    return path + (path.includes('?') ? '&' : '?') + 'live=0';
  }
  class ApiError extends Error { constructor(status, body) { super(body.message || ('HTTP ' + status)); this.status = status; this.body = body; } }
  async function api(path, options) {
    const res = await fetch(path, options);
    const text = await res.text();
    let body;
    try { body = text ? JSON.parse(text) : {}; } catch (e) { body = {message: text}; }
    if (!res.ok) {
      if (res.status === 503 && body.retrying) outage(body.message);
      throw new ApiError(res.status, body);
    }
    return body;
  }
  /**
   * The banner of an unreachable database: outage(message) shows it (an API call answered 503 "retrying", or the event
   * stream said "unavailable") and asks /api/health after 2 s, doubling to 16 s, until the database answers; then the
   * banner and the errors the outage caused go, and a page that never got ready loads again, while a ready one resumes:
   * it runs what it gave onResume (the catch-up of its event stream, events' onConnect, is one). The event stream's
   * "available" ends it at once.
   */
  const OUTAGE_TEXT = 'database unreachable — retrying';
  let probe = null, probeDelay = 0;
  const catchUps = [];
  function outage(message) {
    let banner = document.getElementById('outage');
    if (!banner) {
      banner = el('div', {id: 'outage', class: 'outage', role: 'alert'});
      document.body.prepend(banner);
    }
    banner.replaceChildren(el('strong', {text: OUTAGE_TEXT}), el('span', {class: 'detail', text: message ? ' (' + message + ')' : ''}));
    live(OUTAGE_TEXT);
    if (!probe) { probeDelay = 2000; probe = setTimeout(checkHealth, probeDelay); }
  }
  async function checkHealth() {
    try {
      if ((await fetch('/api/health')).ok) { recovered(); return; }
    } catch (e) { /* the dashboard itself is not answering: ask again later */ }
    probeDelay = Math.min(16000, probeDelay * 2);
    probe = setTimeout(checkHealth, probeDelay);
  }
  /** Runs fn when the database answers again after an outage, on a page that was ready (see outage). */
  function onResume(fn) { catchUps.push(fn); }
  function recovered() {
    clearTimeout(probe);
    probe = null;
    const banner = document.getElementById('outage');
    if (!banner) return;
    banner.remove();
    document.querySelectorAll('.error[data-outage]').forEach(e => e.remove());
    live('live');
    if (document.body.dataset.ready !== '1') location.reload();
    else catchUps.forEach(fn => fn());
  }
  /**
   * Shows err at the end of container. With a key, the message is the element of that id: a second failure under the
   * same key replaces the first message instead of adding one (clearError(key) removes it).
   */
  function showError(container, err, key) {
    const shown = el('div', {class: 'error', id: key, 'data-outage': !!(err.body && err.body.retrying),
      text: (err.status ? err.status + ': ' : '') + err.message});
    const old = key ? document.getElementById(key) : null;
    if (old) old.replaceWith(shown); else container.append(shown);
  }
  function clearError(key) { const old = document.getElementById(key); if (old) old.remove(); }
  function nav(active) {
    const links = [['Studies', '/index.html'], ['Scalars', '/scalars.html'], ['Summaries', '/summaries.html'], ['Models', '/models.html']];
    const header = el('header', {class: 'top'}, el('span', {class: 'brand', text: 'Tunelab'}),
      links.map(([t, h]) => el('a', {href: page(h), class: t === active ? 'active' : null, text: t})),
      el('span', {class: 'live', id: 'live', text: ''}));
    document.body.prepend(header);
  }
  function live(text) { const l = document.getElementById('live'); if (l) l.textContent = text; }
  /**
   * Follows the server's change stream: calls onChange(event data) for each 'changes' or 'studies' event.
   * {@code onConnect}, when given, runs on every (re)connection: changes
   * made between the page's first fetch (or a dropped connection) and the stream's start send no event,
   * so a page without a cursor catches up there.
   * A page opened with ?live=0 opens no stream (returns null) and says "live updates off": a stream is a request that
   * never ends, so a headless browser waiting for the network to go idle (chromium --headless --virtual-time-budget=...
   * --screenshot) would wait forever.
   */
  function events(query, onChange, onConnect) {
    if (param('live') === '0') { live('live updates off (?live=0)'); return null; }
    const source = new EventSource('/api/events?' + new URLSearchParams(query));
    source.addEventListener('hello', () => { live('live'); if (onConnect) onConnect(); });
    source.addEventListener('changes', e => onChange(JSON.parse(e.data)));
    source.addEventListener('studies', e => onChange(JSON.parse(e.data)));
    source.addEventListener('unavailable', e => outage(JSON.parse(e.data).message));
    source.addEventListener('available', recovered);
    if (onConnect) onResume(onConnect);
    source.onerror = () => live('reconnecting…');
    // A page kept for back/forward navigation must not hold a connection (browsers allow six per host).
    window.addEventListener('pagehide', () => source.close());
    return source;
  }
  /**
   * ECharts, loaded once: a promise of the echarts global. A page whose head asked for ECharts on demand (see PageShell)
   * names its address in meta[name=echarts-src]; it is fetched and run on the first call. Elsewhere it is there already.
   */
  let echartsLoading = null;
  function echartsReady() {
    if (window.echarts) return Promise.resolve(window.echarts);
    if (!echartsLoading) {
      const src = document.querySelector('meta[name=echarts-src]');
      echartsLoading = !src ? Promise.reject(new Error('this page names no ECharts script (meta echarts-src)'))
        : new Promise((resolve, reject) => {
          const script = el('script', {src: src.content});
          script.onload = () => { performance.mark('echarts-loaded'); resolve(window.echarts); };
          script.onerror = () => { echartsLoading = null; reject(new Error('ECharts failed to load from ' + src.content)); };
          document.head.append(script);
        });
    }
    return echartsLoading;
  }
  function chart(id) {
    const node = typeof id === 'string' ? document.getElementById(id) : id;
    const c = echarts.getInstanceByDom(node) || echarts.init(node, null, {renderer: 'canvas'});
    return c;
  }
  window.addEventListener('resize', () => window.echarts && document.querySelectorAll('[_echarts_instance_]')
    .forEach(n => { const c = echarts.getInstanceByDom(n); if (c) c.resize(); }));
  function throttle(fn, ms) {
    let timer = null, pending = false;
    return function () {
      if (timer) { pending = true; return; }
      fn();
      timer = setTimeout(function again() { timer = null; if (pending) { pending = false; fn(); timer = setTimeout(again, ms); } }, ms);
    };
  }
  /**
   * Wraps an async live update so runs never overlap: a call during a run runs once more after it. After a run fails
   * (a slow or unreachable database), the next waits 1 s, doubling with each failure in a row to 30 s: the calls
   * meanwhile make one run when the wait is over, so a page asks a struggling server once per wait, not once per event.
   */
  const MAX_UPDATE_BACKOFF_MS = 30000;
  function oneAtATime(update) {
    let busy = false, again = false, failures = 0, pausedUntil = 0, timer = null;
    return async function run() {
      if (busy) { again = true; return; }
      const wait = pausedUntil - Date.now();
      if (wait > 0) {
        if (!timer) timer = setTimeout(() => { timer = null; run(); }, wait);
        return;
      }
      busy = true;
      try {
        await update();
        failures = 0;
      } catch (e) {
        failures++;
        const backOff = Math.min(MAX_UPDATE_BACKOFF_MS, 1000 * 2 ** (failures - 1));
        pausedUntil = Date.now() + backOff;
        live('update failed: ' + e.message + '; next try in ' + backOff / 1000 + ' s');
      } finally { busy = false; }
      if (again) { again = false; run(); }
    };
  }
  /**
   * Runs fn once: at the reader's first scroll, wheel, touch, click or key, or after ms milliseconds without one,
   * whichever comes first. For work a page does for what is below its first screen: a page left before then (the next
   * study, back) leaves none of it behind, on its main thread or on the server.
   */
  const INTENT = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'keydown'];
  function onReaderOrAfter(ms, fn) {
    let done = false, timer = null;
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      INTENT.forEach(e => removeEventListener(e, run, true));
      fn();
    };
    INTENT.forEach(e => addEventListener(e, run, {capture: true, passive: true}));
    timer = setTimeout(run, ms);
  }
  /** Round steps of 1, 2 or 5 times a power of ten within [lo, hi], about n of them; whole numbers only when whole. */
  function ticks(lo, hi, n, whole) {
    if (!(hi > lo)) return [lo];
    const raw = (hi - lo) / n, p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
    const step = Math.max(whole ? 1 : 0, (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p), out = [];
    // each tick a multiple of the step, rounded to the step's decimals (no 0.6000000000000001)
    const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
    for (let q = Math.ceil(lo / step - 1e-9); q * step <= hi + step * 1e-9; q++) out.push(Number((q * step).toFixed(Math.min(20, digits))));
    return out;
  }

  /**
   * An ECharts value axis of steps or epochs (whole numbers): whole ticks only, and around a single x (a run of one
   * epoch) one step either side, so its point sits in the middle rather than on an edge. xs: the x values drawn.
   */
  function stepAxis(xs, more) {
    const axis = Object.assign({type: 'value', minInterval: 1}, more);
    if (xs.length && xs.every(x => x === xs[0])) Object.assign(axis, {min: xs[0] - 1, max: xs[0] + 1});
    return axis;
  }
  /**
   * {min, max} hugging the finite values: padded by a twentieth of their span (a tenth of a single value, or 1 about 0)
   * and rounded outwards to a hundredth of the padded span, so the ends read as short numbers. {} when there is none.
   */
  function hug(values) {
    const vs = values.filter(v => v != null && Number.isFinite(v));
    if (!vs.length) return {};
    const lo = Math.min(...vs), hi = Math.max(...vs), pad = (hi - lo) / 20 || Math.abs(hi) / 10 || 1;
    const unit = Math.pow(10, Math.floor(Math.log10(hi - lo + 2 * pad)) - 2);
    const round = v => Number((Math.round(v / unit) * unit).toPrecision(12));
    return {min: round(Math.floor((lo - pad) / unit) * unit), max: round(Math.ceil((hi + pad) / unit) * unit)};
  }
  function stateChip(s) { return el('span', {class: 'state ' + s, text: s}); }
  /** A marker for a trial that violates a constraint (never best, never on the Pareto front), else null. */
  function infeasibleChip(t) {
    return t.feasible === false ? el('span', {class: 'state infeasible', title: 'violates a constraint: never the best trial', text: 'infeasible'}) : null;
  }
  /** Marks the page interactive; readyMs is the time since navigation started (read by tests and the benchmark). */
  function ready() { document.body.dataset.readyMs = String(performance.now()); document.body.dataset.ready = '1'; }
  return {el, esc, num, finite, fmt, fmtTime, fmtDuration, param, page, api, showError, clearError, nav, live, events, echarts: echartsReady, chart, throttle, oneAtATime, outage, onResume, onReaderOrAfter, stepAxis, ticks, hug, stateChip, infeasibleChip, ready, ApiError};
})();
