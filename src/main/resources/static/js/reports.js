// Report preview: draws each chart from the ECharts option the server built (the same description the files use).
(function () {
  var options = window.sanbao.data('report-charts') || {};
  window.sanbaoCharts = {};
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = echarts.init(el);
    chart.setOption(options[el.getAttribute('data-chart')]);
    window.sanbaoCharts[el.getAttribute('data-chart')] = chart;
  });
  window.addEventListener('resize', function () { Object.values(window.sanbaoCharts).forEach(function (c) { c.resize(); }); });
  document.body.setAttribute('data-charts-ready', 'true');
})();
