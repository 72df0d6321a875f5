// Behaviour shared by every page. Pages carry no inline scripts or event handlers (the Content-Security-Policy
// forbids them): a control asks for behaviour with a data-* attribute, and page data arrives in data-json.
(function () {
  window.sanbao = {
    /** Grade colours of the charts, the same as the .grade-* badges in sanbao.css (MISSING: 数据缺失). */
    gradeColours: { STABLE: '#2e7d32', LOW: '#c9a100', MEDIUM: '#e65100', HIGH: '#c62828', MISSING: '#78808f' },
    /** The parsed JSON of data-json on the element with this id (null when the page has none). */
    data: function (id) {
      var el = document.getElementById(id);
      return el && el.getAttribute('data-json') ? JSON.parse(el.getAttribute('data-json')) : null;
    },
    /** Text made safe for HTML: chart tooltips are HTML, and unit or grade names are user text. */
    esc: function (s) {
      return String(s == null ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    }
  };
  // [data-nav-toggle] (phones): shows or hides the menu of the page header
  document.addEventListener('click', function (e) {
    var t = e.target && e.target.closest ? e.target.closest('[data-nav-toggle]') : null;
    if (!t) return;
    var open = t.parentNode.classList.toggle('nav-open');
    t.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  // <select data-auto-submit>: choosing an option submits its form (the period pickers)
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.hasAttribute && t.hasAttribute('data-auto-submit') && t.form) t.form.submit();
  });
})();
