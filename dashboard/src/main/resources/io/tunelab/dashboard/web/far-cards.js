'use strict';
/*
 * The scalar cards far off screen, as TensorBoard's card grid keeps a page of many tags and runs light: a card more
 * than FAR_SCREENS screens from the viewport gives up its chart and its data (released), keeping its zoom window and
 * the step range it had loaded; as it comes back near, its data is fetched again (restored) and it is drawn.
 *
 *   const far = TL.FarCards({cardOf, drop, fetch, near, paint, failed});
 *     cardOf(element)     the card whose root the element is, or null (an element of a card replaced meanwhile)
 *     drop(tag)           forgets the data held for the tag
 *     fetch(tags, range)  async: fetches the tags' data again (range: a step range at full resolution, or none)
 *     near(card), paint(card)  whether the card is near the viewport; draws it from the data held
 *     failed(error)       says a restore failed (its cards stay released)
 *   far.observe(root), far.disconnect()  watch a card's root (released as it gets far away), stop watching all
 *   far.away(card)      whether the card is more than FAR_SCREENS screens away (or hidden, in a collapsed group)
 *   far.release(card), far.restore(cards)
 *
 * A card's flags say where its data is: released (far away: no chart, no data held), restoring (being fetched again),
 * stale (its chart is not drawn from the data held).
 */
TL.FarCards = function ({cardOf, drop, fetch, near, paint, failed}) {
  const FAR_SCREENS = 2;
  /** Releases a card as it gets more than FAR_SCREENS screens away from the viewport. */
  const farAway = new IntersectionObserver(entries => entries.forEach(e => {
    const c = !e.isIntersecting && cardOf(e.target);
    if (c) release(c);
  }), {rootMargin: FAR_SCREENS * 100 + '% 0px'});
  /** Whether the card is more than FAR_SCREENS screens from the viewport (or hidden, in a collapsed group). */
  function away(c) {
    const r = c.root.getBoundingClientRect();
    return r.height === 0 || r.bottom < -FAR_SCREENS * innerHeight || r.top > (1 + FAR_SCREENS) * innerHeight;
  }
  /** Disposes the card's chart and drops its data; its zoom window (and the step range it had loaded) stays. */
  function release(c) {
    const chart = echarts.getInstanceByDom(c.chartDiv);
    if (chart) chart.dispose();
    c.chartDiv.replaceChildren();
    drop(c.tag);
    Object.assign(c, {released: true, restoring: false, stale: true, zoomWired: false});
  }
  /**
   * Fetches the data of released cards again (those showing every x in one request, a zoomed range at full resolution
   * for its card alone) and draws those still near the viewport. A card released again meanwhile stays released.
   */
  async function restore(back) {
    back.forEach(c => Object.assign(c, {released: false, restoring: true}));
    try {
      const whole = back.filter(c => !c.range).map(c => c.tag);
      if (whole.length) await fetch(whole);
      for (const c of back.filter(c => c.range)) await fetch([c.tag], c.range);
      for (const c of back.filter(c => c.restoring)) {
        c.restoring = false;
        if (near(c)) paint(c);
      }
    } catch (e) {
      back.filter(c => c.restoring).forEach(release);
      failed(e);
    }
  }
  return {observe: root => farAway.observe(root), disconnect: () => farAway.disconnect(), away, release, restore};
};
