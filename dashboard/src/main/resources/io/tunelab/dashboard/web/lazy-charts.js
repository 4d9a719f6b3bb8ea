'use strict';
/*
 * Charts drawn only near the viewport, as TensorBoard's card grid draws them. Each chart has a key and a fixed-size
 * div already in the page. When the div comes within NEAR px of the viewport its data is fetched (one load() call for
 * every key that came near together) and its chart drawn; when it scrolls more than FAR px away the chart is
 * disposed (the data kept) and is drawn again on its return. Cards that are near but not on screen wait until
 * those on screen are drawn. So the page holds a few charts however many cards it lists.
 *
 *   load(keys)        async: a Map from each key to its data (a missing key means "no data")
 *   option(key, data) the ECharts option for the key's data, or null to say the card has nothing to draw
 *
 * visibleDrawn() resolves once every chart whose div intersects the viewport at the call is drawn with its data:
 * the page marks itself interactive only then.
 */
TL.LazyCharts = function (load, option) {
  const NEAR = 300, FAR = 2500;
  const cards = new Map(); // key -> {div, data, loaded, loading (the batch promise), chart}
  let queued = null; // the Set of keys of the next load() call, with its promise
  const near = new IntersectionObserver(seen, {rootMargin: NEAR + 'px 0px'});
  const far = new IntersectionObserver(entries => entries.forEach(e => { if (!e.isIntersecting) dispose(e.target.__lazyKey); }),
    {rootMargin: FAR + 'px 0px'});

  let onScreen = Promise.resolve(); // the last visibleDrawn(): cards that are only near wait for it
  function seen(entries) {
    const keys = entries.filter(e => e.isIntersecting && cards.has(e.target.__lazyKey)).map(e => e.target.__lazyKey);
    const now = keys.filter(k => within(cards.get(k).div, 0)), soon = keys.filter(k => !now.includes(k));
    const failed = err => TL.live('drawing failed: ' + err.message);
    if (now.length) ensure(now).catch(failed);
    if (soon.length) onScreen.then(() => ensure(soon)).catch(failed);
  }
  /** Loads what the keys lack (in one batch with every other key asked for in the same task), then draws them. */
  async function ensure(keys) {
    for (const k of keys) {
      const card = cards.get(k);
      if (!card || card.loaded || card.loading) continue;
      if (!queued) {
        const batch = queued = new Set();
        batch.promise = Promise.resolve().then(async () => {
          queued = null;
          try {
            const got = await load([...batch]);
            for (const key of batch) Object.assign(cards.get(key) || {}, {data: got.get(key), loaded: true, loading: null});
          } catch (e) {
            for (const key of batch) Object.assign(cards.get(key) || {}, {loading: null});
            throw e;
          }
        });
      }
      queued.add(k);
      card.loading = queued.promise;
    }
    await Promise.all([...new Set(keys.map(k => cards.has(k) && cards.get(k).loading).filter(Boolean))]);
    keys.forEach(draw);
  }
  function draw(key) {
    const card = cards.get(key);
    if (!card || !card.loaded || card.chart || !within(card.div, FAR)) return;
    const opt = card.data === undefined ? null : option(key, card.data);
    if (!opt) { card.div.replaceChildren(TL.el('div', {class: 'muted', text: 'nothing to draw at this tag'})); card.chart = 'empty'; return; }
    card.chart = echarts.init(card.div, null, {renderer: 'canvas'});
    card.chart.setOption(opt, true);
  }
  function dispose(key) {
    const card = cards.get(key);
    if (!card || !card.chart) return;
    if (card.chart === 'empty') card.div.replaceChildren(); else card.chart.dispose();
    card.chart = null;
  }
  /** Whether the div is within px of the viewport (0: intersects it). */
  function within(div, px) {
    const r = div.getBoundingClientRect();
    return r.bottom > -px && r.top < window.innerHeight + px && r.right > 0 && r.left < window.innerWidth;
  }
  return {
    /** Starts watching a chart div (already in the page) under the key. */
    add(key, div) {
      div.__lazyKey = key;
      cards.set(key, {div, data: undefined, loaded: false, loading: null, chart: null});
      near.observe(div);
      far.observe(div);
    },
    /** Disposes every chart and forgets every card. */
    clear() {
      near.disconnect();
      far.disconnect();
      for (const key of cards.keys()) dispose(key);
      cards.clear();
    },
    /** Draws every chart in the viewport now, fetching what they lack; resolves when all of them are drawn. */
    visibleDrawn() {
      onScreen = ensure([...cards.keys()].filter(k => within(cards.get(k).div, 0)));
      return onScreen;
    },
    /** The keys whose data is held, and the data of one. */
    loadedKeys: () => [...cards.keys()].filter(k => cards.get(k).loaded),
    data: key => cards.has(key) ? cards.get(key).data : undefined,
    /** New data for a key: redrawn at once if its chart is drawn, else kept for when it comes into view. */
    update(key, data) {
      const card = cards.get(key);
      if (!card) return;
      card.data = data;
      card.loaded = true;
      if (card.chart) { dispose(key); draw(key); }
    },
  };
};
