// 库款日监测图：全部单位时为每天各档位的单位数（堆叠），一个单位时为其库款保障水平折线及下限、上限
(function () {
  var d = window.sanbao.data('cash-data'), el = document.getElementById('cash-chart');
  if (!d || !el || !window.echarts) return;
  var chart = echarts.init(el);
  var colors = { LOW: '#c62828', NORMAL: '#2e7d32', AMPLE: '#1565c0', UNKNOWN: '#9e9e9e' };
  if (d.kind === 'region') {
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: d.series.map(function (s) { return s.name; }) },
      xAxis: { type: 'category', data: d.days },
      yAxis: { type: 'value', name: '单位数', minInterval: 1 },
      series: d.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'band', data: s.data, itemStyle: { color: colors[s.band] } };
      })
    });
  } else {
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [d.name] },
      xAxis: { type: 'category', data: d.days },
      yAxis: { type: 'value', name: '月' },
      series: [{ name: d.name, type: 'line', data: d.levels, connectNulls: false,
        markLine: { symbol: 'none', data: [
          { yAxis: d.low, name: '下限', label: { formatter: '下限 ' + d.low }, lineStyle: { color: colors.LOW } },
          { yAxis: d.high, name: '上限', label: { formatter: '上限 ' + d.high }, lineStyle: { color: colors.AMPLE } }] } }]
    });
  }
  window.addEventListener('resize', function () { chart.resize(); });
})();
