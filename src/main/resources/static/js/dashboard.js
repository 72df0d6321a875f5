// 总览 charts: city map coloured by grade, stacked trend of grade counts, grade counts; ranking sort and filter.
(function () {
  var d = window.dashboardData;
  var colours = { STABLE: '#2e7d32', LOW: '#c9a100', MEDIUM: '#e65100', HIGH: '#c62828', MISSING: '#78808f' };
  var key = function (code) { return code == null ? 'MISSING' : code; };
  var grades = d.grades.map(function (g) { return { key: key(g.code), name: g.name }; });
  window.sanbaoCharts = {};

  fetch(window.mapUrl).then(function (r) { return r.json(); }).then(function (geo) {
    echarts.registerMap('ningxia', geo);
    var chart = echarts.init(document.getElementById('map'));
    var data = d.map.map(function (a) {
      var i = grades.findIndex(function (g) { return g.key === key(a.grade); });
      return { name: a.name, value: i, gradeName: a.gradeName, total: a.total };
    });
    chart.setOption({
      animation: false,
      tooltip: { formatter: function (p) {
        return p.data ? p.name + '：' + p.data.gradeName + (p.data.total != null ? '（' + p.data.total + ' 分）' : '') : p.name + '：无权限或无结果';
      } },
      visualMap: { type: 'piecewise', left: 8, bottom: 8, pieces: grades.map(function (g, i) {
        return { value: i, label: g.name, color: colours[g.key] || '#999' }; }) },
      series: [{ type: 'map', map: 'ningxia', roam: false, label: { show: true, fontSize: 11 },
        itemStyle: { areaColor: '#e8ebf0', borderColor: '#fff' }, data: data }]
    });
    window.sanbaoCharts.map = chart;
    document.body.setAttribute('data-map-ready', 'true');
  });

  var trend = echarts.init(document.getElementById('trend'));
  trend.setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 10, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: d.trend.labels }, yAxis: { type: 'value', minInterval: 1 },
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

  // ranking: filter by city and grade, sort by clicking a header
  var table = document.getElementById('ranking');
  var city = document.getElementById('filter-city'), grade = document.getElementById('filter-grade');
  function filter() {
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      var okCity = !city.value || tr.dataset.city === city.value || tr.dataset.name === city.value;
      var okGrade = !grade.value || tr.dataset.grade === grade.value;
      tr.style.display = okCity && okGrade ? '' : 'none';
    });
  }
  city.addEventListener('change', filter);
  grade.addEventListener('change', filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    if (!th.classList.contains('sortable')) return;
    th.addEventListener('click', function () {
      var asc = th.dataset.dir !== 'asc';
      th.dataset.dir = asc ? 'asc' : 'desc';
      var num = th.dataset.type === 'num';
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
        var c = num ? (parseFloat(x) || -1e9) - (parseFloat(y) || -1e9) : x.localeCompare(y, 'zh-CN');
        return asc ? c : -c;
      });
      rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
    });
  });
})();
