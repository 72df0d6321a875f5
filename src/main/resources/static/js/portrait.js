// 单位画像: draws each chart from the ECharts option the server built (the same description the PDF uses).
// Many months share a small chart, so the month labels thin out by themselves; the print button prints.
(function () {
  var options = window.sanbao.data('report-charts') || {};
  window.sanbaoCharts = {};
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var option = options[el.getAttribute('data-chart')];
    if (!option) return;
    option.xAxis.axisLabel = { interval: 'auto', fontSize: 10, hideOverlap: true };
    if (el.closest('.small-multiples')) {
      // small multiples: the value's own range (not from zero), band edges as plain dashed lines named in the tooltip
      option.title.textStyle = { fontSize: 12 };
      option.legend = { show: false };
      option.grid = { left: 44, right: 10, top: 34, bottom: 28 };
      option.yAxis.scale = true;
    }
    // dashed lines are edges and projections: a line without point markers reads as a line, not as data points
    option.series.forEach(function (s) { if (s.lineStyle && s.lineStyle.type === 'dashed') s.symbol = 'none'; });
    var chart = echarts.init(el);
    chart.setOption(option);
    window.sanbaoCharts[el.getAttribute('data-chart')] = chart;
  });
  window.addEventListener('resize', function () { Object.values(window.sanbaoCharts).forEach(function (c) { c.resize(); }); });
  window.addEventListener('beforeprint', function () { Object.values(window.sanbaoCharts).forEach(function (c) { c.resize(); }); });
  document.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
  document.body.setAttribute('data-charts-ready', 'true');
})();
