/* Small site-wide behaviour. */

/* Every htmx request of a signed-in person carries the page's CSRF token (it does not rotate). */
document.addEventListener('htmx:configRequest', function (event) {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
  }
});

/* "Afdrukken": the print stylesheet does the rest. */
document.addEventListener('click', function (event) {
  'use strict';
  var button = event.target.closest ? event.target.closest('[data-print]') : null;
  if (button) {
    window.print();
  }
});
