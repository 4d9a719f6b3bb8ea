'use strict';
(() => {
  const {el, fmt, fmtTime, api, showError, nav, events, stateChip} = TL;
  nav('Studies');
  const main = document.getElementById('main');
  const search = el('input', {type: 'search', id: 'study-search', placeholder: 'Search studies…', class: 'wide'});
  const body = el('tbody');
  const table = el('table', {class: 'plain', id: 'studies'},
    el('thead', null, el('tr', null, ['Name', 'Directions', 'Trials by state', 'Best value', 'Sampler', 'Last activity']
      .map(h => el('th', {text: h})))), body);
  main.append(el('h1', {text: 'Studies'}), el('div', {class: 'toolbar'}, search), el('div', {class: 'panel'}, table));
  let studies = [];

  function render() {
    const q = search.value.trim().toLowerCase();
    body.replaceChildren(...studies.filter(s => !q || s.name.toLowerCase().includes(q)).map(s => el('tr', null,
      el('td', null, el('a', {href: TL.page('/study.html?id=' + encodeURIComponent(s.id)), class: 'study-name', text: s.name})),
      el('td', {text: s.directions.map(d => d.toLowerCase()).join(', ')}),
      el('td', null, Object.entries(s.counts).filter(([, n]) => n > 0).map(([st, n]) => el('span', null, stateChip(st), ' ' + n + ' '))),
      el('td', {class: 'num', text: s.directions.length > 1 ? (s.paretoSize + ' on the Pareto front')
        : (s.bestValues.length ? fmt(s.bestValues[0]) + ' (#' + s.bestNumber + ')' : (s.infeasible ? 'no feasible trial' : '—'))}),
      el('td', {text: s.sampler || '—'}),
      el('td', {text: fmtTime(s.lastActivity)}))));
    if (!body.children.length) body.append(el('tr', null, el('td', {colspan: 6, class: 'muted', text: 'No studies match.'})));
  }
  async function load() {
    studies = (await api('/api/studies')).studies;
    render();
  }
  search.addEventListener('input', render);
  // reloads never overlap, and back off while they fail (a slow or unreachable database)
  load().catch(e => showError(main, e)).then(() => { TL.ready(); const reload = TL.throttle(TL.oneAtATime(load), 2000); events({}, reload, reload); });
})();
