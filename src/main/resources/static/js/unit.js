// Unit page charts: total score per month (points coloured by grade) and the pillars' execution against time progress.
(function () {
  var c = window.sanbao.data('unit-charts'), esc = window.sanbao.esc;
  var colours = window.sanbao.gradeColours;
  window.sanbaoCharts = {};
  var score = echarts.init(document.getElementById('score-chart'));
  score.setOption({
    animation: false,
    tooltip: { trigger: 'axis', formatter: function (ps) {
      var h = c.history[ps[0].dataIndex];
      return esc(h.label) + '：' + (h.total == null ? '—' : h.total + ' 分') + '，' + esc(h.gradeName) + (h.overrides ? '（' + esc(h.overrides) + '）' : '');
    } },
    grid: { left: 40, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: c.history.map(function (h) { return h.label; }) },
    yAxis: { type: 'value', min: 0, max: 100, name: '总分' },
    series: [{ type: 'line', symbolSize: 10, data: c.history.map(function (h) {
      return { value: h.total, itemStyle: { color: colours[h.grade] || '#78808f' } };
    }), lineStyle: { color: '#1f3a68' } }]
  });
  window.sanbaoCharts.score = score;
  var pillars = echarts.init(document.getElementById('pillar-chart'));
  pillars.setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0, right: 10 },
    grid: { left: 40, right: 16, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: c.pillars.map(function (p) { return p.name; }), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', name: '%' },
    series: [
      { name: '支出执行进度', type: 'bar', barWidth: '40%', itemStyle: { color: '#1d4f91' },
        label: { show: true, position: 'top', formatter: '{c}%' }, data: c.pillars.map(function (p) { return p.percent; }) },
      { name: '时序进度', type: 'line', symbol: 'none', lineStyle: { color: '#c62828', type: 'dashed' },
        data: c.pillars.map(function () { return c.timeProgress; }) }
    ]
  });
  window.sanbaoCharts.pillars = pillars;
  document.body.setAttribute('data-charts-ready', 'true');
})();
