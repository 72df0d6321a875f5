// Behaviour shared by every page. Pages carry no inline scripts or event handlers (the Content-Security-Policy
// forbids them): a control asks for behaviour with a data-* attribute, and page data arrives in data-json.
(function () {
  window.sanbao = {
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
  // <select data-auto-submit>: choosing an option submits its form (the period pickers)
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.hasAttribute && t.hasAttribute('data-auto-submit') && t.form) t.form.submit();
  });
})();
