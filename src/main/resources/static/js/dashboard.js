// 总览 charts: stacked trend of grade counts, grade counts; ranking sort and filter (the county map: county-map.js).
(function () {
  var holder = document.getElementById('dashboard-data'), d = window.sanbao.data('dashboard-data'), esc = window.sanbao.esc;
  var labels = { points: holder.getAttribute('data-points'), noData: holder.getAttribute('data-no-data'),
    month: holder.getAttribute('data-month'), week: holder.getAttribute('data-week') };
  var colours = window.sanbao.gradeColours;
  var key = function (code) { return code == null ? 'MISSING' : code; };
  var grades = d.grades.map(function (g) { return { key: key(g.code), name: g.name }; });
  window.sanbaoCharts = window.sanbaoCharts || {};
  // "2021-03" → 3月 / M3, "2021-W05" → 第5周 / W5, in the page's language
  function periodLabel(code) {
    var t = labels, week = code.indexOf('-W') > 0;
    return (week ? t.week : t.month).replace('{0}', parseInt(code.substring(code.lastIndexOf(week ? 'W' : '-') + 1), 10));
  }

  var trend = echarts.init(document.getElementById('trend'));
  trend.setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' }, grid: { left: 40, right: 10, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: d.trend.periods.map(periodLabel) }, yAxis: { type: 'value', minInterval: 1 },
    series: grades.map(function (g) {
      return { name: g.name, type: 'bar', stack: 'grades', itemStyle: { color: colours[g.key] }, data: d.trend.series[g.key] };
    })
  });
  window.sanbaoCharts.trend = trend;

  var bars = echarts.init(document.getElementById('bars'));
  bars.setOption({
    animation: false, tooltip: {}, grid: { left: 40, right: 10, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: grades.map(function (g) { return g.name; }) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', label: { show: true, position: 'top' }, data: grades.map(function (g) {
      return { value: d.counts[g.key] || 0, itemStyle: { color: colours[g.key] } }; }) }]
  });
  window.sanbaoCharts.bars = bars;
  window.addEventListener('resize', function () { Object.values(window.sanbaoCharts).forEach(function (c) { c.resize(); }); });

  // ranking: the server renders the first page; the whole ranking comes from the JSON API and is filtered,
  // sorted and paged here. Filter and sort choices made before it arrives apply when it does.
  var table = document.getElementById('ranking');
  var city = document.getElementById('filter-city'), grade = document.getElementById('filter-grade');
  var pager = document.getElementById('ranking-pager');
  var cfg = table.dataset, size = parseInt(cfg.pageSize, 10) || 50;
  var rows = null, page = 0, sortKey = 'index', asc = true;
  var gradeOrder = {};
  grades.forEach(function (g, i) { gradeOrder[g.key] = i; });

  function fixed(n) { return n == null ? '—' : Number(n).toFixed(2); }
  function signed(n) { return n == null ? '' : (n > 0 ? '+' : '') + Number(n).toFixed(2); }
  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value == null ? '' : value;
    if (cls) el.className = cls;
    return el;
  }
  function visibleRows() {
    var list = rows.filter(function (r) {
      return (!city.value || r.cityName === city.value || r.unitName === city.value)
        && (!grade.value || key(r.grade) === grade.value);
    });
    var num = ['index', 'total', 'gradeOrder', 'change'].indexOf(sortKey) >= 0;
    list.sort(function (a, b) {
      var x = a[sortKey], y = b[sortKey];
      var c = num ? (x == null ? -1e9 : x) - (y == null ? -1e9 : y) : String(x).localeCompare(String(y), 'zh-CN');
      return asc ? c : -c;
    });
    return list;
  }
  function render() {
    if (!rows) return;
    var list = visibleRows(), pages = Math.max(1, Math.ceil(list.length / size));
    page = Math.min(page, pages - 1);
    var body = document.createElement('tbody');
    list.slice(page * size, (page + 1) * size).forEach(function (r) {
      var tr = document.createElement('tr');
      if (r.consolidated) tr.className = 'consolidated';
      tr.dataset.city = r.cityName; tr.dataset.name = r.unitName; tr.dataset.grade = key(r.grade);
      tr.appendChild(text('td', r.index));
      var a = text('a', r.unitName);
      a.href = cfg.unitUrl + encodeURIComponent(r.unitCode) + '?period=' + encodeURIComponent(cfg.period);
      var td = document.createElement('td'); td.appendChild(a); tr.appendChild(td);
      tr.appendChild(text('td', r.cityName));
      tr.appendChild(text('td', fixed(r.total), 'num'));
      var badge = text('span', r.gradeName, 'badge grade-' + key(r.grade).toLowerCase());
      td = document.createElement('td'); td.appendChild(badge); tr.appendChild(td);
      tr.appendChild(text('td', r.previousGradeName == null ? cfg.none : r.previousGradeName));
      tr.appendChild(text('td', signed(r.change), 'num'));
      tr.appendChild(text('td', r.overrides));
      body.appendChild(tr);
    });
    table.replaceChild(body, table.tBodies[0]);
    pager.innerHTML = '';
    var prev = text('button', cfg.prev), next = text('button', cfg.next);
    prev.type = next.type = 'button';
    prev.disabled = page === 0; next.disabled = page >= pages - 1;
    prev.addEventListener('click', function () { page--; render(); });
    next.addEventListener('click', function () { page++; render(); });
    var info = text('span', cfg.info.replace('{0}', page + 1).replace('{1}', pages).replace('{2}', list.length));
    info.id = 'ranking-info';
    pager.appendChild(prev); pager.appendChild(info); pager.appendChild(next);
  }
  city.addEventListener('change', function () { page = 0; render(); });
  grade.addEventListener('change', function () { page = 0; render(); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    if (!th.classList.contains('sortable')) return;
    th.addEventListener('click', function () {
      asc = sortKey === th.dataset.key ? !asc : true;
      sortKey = th.dataset.key;
      page = 0;
      render();
    });
  });
  fetch(cfg.api, { headers: { 'Accept': 'application/json' } }).then(function (r) { return r.json(); }).then(function (data) {
    rows = data.ranking.map(function (r, i) {
      r.index = i + 1;
      r.gradeOrder = gradeOrder[key(r.grade)];
      r.change = r.total != null && r.previousTotal != null ? Math.round((r.total - r.previousTotal) * 100) / 100 : null;
      return r;
    });
    render();
    document.body.setAttribute('data-ranking-ready', 'true');
  });
})();
