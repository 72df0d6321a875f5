// 总览 county map (示意图): one hexagon per budget unit from /api/dashboard/map, coloured by grade. Choosing a city
// zooms to its counties; clicking a unit opens its portrait. Cells outside the user's scope come without name or
// grade and are drawn grey, so a county user sees its own unit (bold outline) within the province's shape.
(function () {
  var holder = document.getElementById('dashboard-data'), esc = window.sanbao.esc;
  var colours = window.sanbao.gradeColours;
  var key = function (code) { return code == null ? 'MISSING' : code; };
  var points = holder.getAttribute('data-points'), portrait = holder.getAttribute('data-portrait-url');
  // pointy-top hexagon of circumradius 1 (the layout's unit), drawn slightly smaller so neighbours keep a gap
  var corners = [];
  for (var i = 0; i < 6; i++) {
    var a = Math.PI / 180 * (60 * i - 30);
    corners.push([0.93 * Math.cos(a), 0.93 * Math.sin(a)]);
  }
  // 西吉县 → 西吉, 银川市本级 → 银川本级: the full name is in the tooltip
  function shortName(name) {
    if (/市本级$/.test(name)) return name.replace(/市本级$/, '本级');
    return name.length > 2 && /[县区市旗]$/.test(name) ? name.substring(0, name.length - 1) : name;
  }
  function bounds(list) {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    list.forEach(function (p) {
      b[0] = Math.min(b[0], p[0]); b[1] = Math.min(b[1], p[1]); b[2] = Math.max(b[2], p[0]); b[3] = Math.max(b[3], p[1]);
    });
    return b;
  }

  function draw(m) {
    var el = document.getElementById('map'), chart = echarts.init(el), picker = document.getElementById('map-city');
    var cityNames = {};
    m.cities.forEach(function (c) {
      cityNames[c.code] = c.name;
      var o = document.createElement('option');
      o.value = c.code; o.textContent = c.name;
      picker.appendChild(o);
    });
    if (m.ownHighlighted) document.getElementById('map-own').hidden = false;
    // a city or county user has at most its own city: the map already opens on it, nothing to choose
    if (m.cities.length < 2) picker.parentNode.hidden = true;
    var whole = bounds(m.cells.map(function (c) { return [c.x, c.y]; }).concat(m.others));
    var city = null;

    function box() {
      if (city) return bounds(m.cells.filter(function (c) { return c.city === city; }).map(function (c) { return [c.x, c.y]; }));
      return m.focus || whole;
    }
    // equal scale on both axes (hexagons stay regular): widen the shorter side of the box to the chart's shape
    function axes() {
      var b = box(), w = el.clientWidth - 16, h = el.clientHeight - 16;
      var cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2, xr = b[2] - b[0] + 2.4, yr = b[3] - b[1] + 2.4;
      var scale = Math.min(w / xr, h / yr);
      return { x: [cx - w / scale / 2, cx + w / scale / 2], y: [cy - h / scale / 2, cy + h / scale / 2], scale: scale };
    }
    function hexagon(api, x, y) {
      return corners.map(function (c) { return api.coord([x + c[0], y + c[1]]); });
    }
    function render() {
      var ax = axes(), radius = ax.scale;
      var cells = {
        id: 'cells', type: 'custom', clip: true, coordinateSystem: 'cartesian2d',
        data: m.cells.map(function (c, i) { return [c.x, c.y, i]; }),
        renderItem: function (params, api) {
          var c = m.cells[api.value(2)], dim = city && c.city !== city;
          var centre = api.coord([c.x, c.y]), label = shortName(c.name), size = Math.min(12, radius * 0.55);
          var children = [{ type: 'polygon', shape: { points: hexagon(api, c.x, c.y) }, style: {
            fill: colours[key(c.grade)] || '#999', opacity: dim ? 0.3 : 1,
            stroke: m.ownHighlighted ? '#10203f' : '#fff', lineWidth: m.ownHighlighted ? 3 : 1 } }];
          if (!dim && (m.ownHighlighted || label.length * size <= radius * 1.7) && size >= 9)
            children.push({ type: 'text', style: { text: label, x: centre[0], y: centre[1], align: 'center', verticalAlign: 'middle',
              fill: '#fff', fontSize: size, stroke: 'rgba(0,0,0,.25)', lineWidth: 2 } });
          return { type: 'group', children: children };
        }
      };
      var others = {
        id: 'others', type: 'custom', clip: true, silent: true, coordinateSystem: 'cartesian2d', data: m.others,
        renderItem: function (params, api) {
          return { type: 'polygon', shape: { points: hexagon(api, api.value(0), api.value(1)) },
            style: { fill: '#e3e7ee', stroke: '#fff', lineWidth: 1 } };
        }
      };
      // city names in the middle of their units, on the whole-region view; a click zooms to that city
      var labels = {
        id: 'cities', type: 'custom', clip: true, coordinateSystem: 'cartesian2d',
        data: city || m.cities.length < 2 ? [] : m.cities.map(function (c, i) {
          var b = bounds(m.cells.filter(function (u) { return u.city === c.code; }).map(function (u) { return [u.x, u.y]; }));
          return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, i];
        }).filter(function (d) { return isFinite(d[0]); }),
        renderItem: function (params, api) {
          var p = api.coord([api.value(0), api.value(1)]);
          return { type: 'text', style: { text: m.cities[api.value(2)].name, x: p[0], y: p[1], align: 'center',
            verticalAlign: 'middle', fill: '#10203f', fontSize: 13, fontWeight: 'bold', stroke: '#fff', lineWidth: 3 } };
        }
      };
      chart.setOption({
        animation: false,
        grid: { left: 8, right: 8, top: 8, bottom: 8 },
        xAxis: { type: 'value', min: ax.x[0], max: ax.x[1], show: false },
        yAxis: { type: 'value', min: ax.y[0], max: ax.y[1], show: false },
        tooltip: { formatter: function (p) {
          if (p.seriesId === 'cities') return esc(m.cities[p.value[2]].name);
          var c = m.cells[p.value[2]];
          return esc(c.name) + (c.city && cityNames[c.city] ? '（' + esc(cityNames[c.city]) + '）' : '') + '<br>' + esc(c.gradeName)
            + (c.total != null ? ' ' + c.total + ' ' + esc(points) : '');
        } },
        series: [others, cells, labels]
      }, { replaceMerge: ['series'] });
    }
    function show(code) {
      city = code || null;
      picker.value = city || '';
      render();
    }
    picker.addEventListener('change', function () { show(picker.value); });
    chart.on('click', function (p) {
      if (p.seriesId === 'cities') show(m.cities[p.value[2]].code);
      else if (p.seriesId === 'cells') window.location.href = portrait + encodeURIComponent(m.cells[p.value[2]].code);
    });
    window.addEventListener('resize', function () { chart.resize(); render(); });
    render();
    window.sanbaoCharts = window.sanbaoCharts || {};
    window.sanbaoCharts.map = chart;
    window.sanbaoCountyMap = { data: m, show: show, view: axes };
    document.body.setAttribute('data-map-ready', 'true');
  }

  fetch(holder.getAttribute('data-county-map-url'), { headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); }).then(draw);
})();
