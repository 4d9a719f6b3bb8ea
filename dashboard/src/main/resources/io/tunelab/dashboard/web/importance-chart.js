'use strict';
/*
 * The parameter importance as bars of the page's own (a few HTML elements), not ECharts: the study page's first screen
 * then needs no ECharts, which it loads once it is interactive (TL.echarts()).
 *
 *   const chart = TL.ImportanceChart(div);
 *   chart.draw(m)    m, see TL.StudyCharts#importance: {title, subtext, entries: [{param, importance}] most important first}
 *
 * What the ECharts bar chart offered is kept: the title and its subtext (method, how many trials), a bar per
 * parameter on a 0-1 axis with the most important on top, the parameter's name beside it (cut with an ellipsis
 * beyond 110 px, whole in its tooltip) and a tooltip with its share in percent; the share is also written at the bar's end.
 * For tests: params() (top to bottom), title(), subtext().
 */
TL.ImportanceChart = function (div) {
  const {el} = TL;
  let m = null;
  const pct = v => (v * 100).toFixed(1) + '%';
  const share = e => Math.max(0, Math.min(1, e.importance)) * 100;
  div.classList.add('importance');
  const api = {
    draw(model) {
      m = model;
      const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
      div.replaceChildren(el('div', {class: 'chart-title', text: m.title}), el('div', {class: 'chart-subtext', text: m.subtext}),
        el('div', {class: 'imp-rows'}, m.entries.map(e => el('div', {class: 'imp-row', title: e.param + ': ' + pct(e.importance)},
          el('span', {class: 'imp-name', text: e.param}),
          el('span', {class: 'imp-track'}, el('span', {class: 'imp-bar', style: 'width: ' + share(e) + '%'}),
            el('span', {class: 'imp-value', style: 'left: calc(' + share(e) + '% + 4px)', text: pct(e.importance)}))))),
        el('div', {class: 'imp-axis'}, ticks.map(t => el('span', {style: 'left: ' + t * 100 + '%', text: String(t)}))));
    },
    params: () => m ? m.entries.map(e => e.param) : [],
    title: () => m ? m.title : null,
    subtext: () => m ? m.subtext : null,
  };
  div.__importanceChart = api;
  return api;
};
/** The chart drawn in a div by TL.ImportanceChart, if any. */
TL.ImportanceChart.of = div => div.__importanceChart || null;
