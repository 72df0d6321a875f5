// 库款预测图：实际月末库款、预测月末库款，以及安全区间（库款保障水平下限至上限）
(function () {
  var d = window.sanbao.data('runway-data'), el = document.getElementById('runway-chart');
  if (!d || !el || !window.echarts) return;
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['实际', '预测'] },
    xAxis: { type: 'category', data: d.labels },
    yAxis: { type: 'value', name: '万元' },
    series: [
      { name: '实际', type: 'line', data: d.actual, connectNulls: false },
      { name: '预测', type: 'line', data: d.projected, lineStyle: { type: 'dashed' },
        markLine: { symbol: 'none', data: [{ yAxis: d.low, name: '下限' }, { yAxis: d.high, name: '上限' }] },
        markArea: { itemStyle: { color: 'rgba(46,125,50,0.08)' }, data: [[{ yAxis: d.low }, { yAxis: d.high }]] } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
