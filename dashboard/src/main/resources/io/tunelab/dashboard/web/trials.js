'use strict';
(async () => {
  const {el, api, showError, nav} = TL;
  nav('Studies');
  const main = document.getElementById('main');
  const id = TL.param('study');
  try {
    const study = await api('/api/studies/' + encodeURIComponent(id));
    document.title = study.name + ' trials · Tunelab';
    main.append(el('h1', null, el('a', {href: TL.page('/study.html?id=' + study.id), text: study.name}), ' — trials'));
    const panel = el('div', {class: 'panel'});
    main.append(panel);
    const table = TL.TrialTable(panel, study.id, {tall: true, objectives: study.directions.length});
    await table.load();
    // refreshes never overlap (thousands of trials over a slow database), and back off while they fail
    const refresh = TL.throttle(TL.oneAtATime(() => table.refresh()), 2000);
    TL.events({study: study.id}, refresh, refresh);
    TL.ready();
  } catch (e) { showError(main, e); }
})();
