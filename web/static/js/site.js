/* Small site-wide behaviour. */

/* Every htmx request of a signed-in person carries the page's CSRF token (it does not rotate). */
document.addEventListener('htmx:configRequest', function (event) {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
  }
});

/* Forget local draft copies once the server has confirmed a save. */
(function () {
  'use strict';
  var marker = document.querySelector('[data-clear-drafts]');
  if (!marker) {
    return;
  }
  try {
    var prefixes = marker.getAttribute('data-clear-drafts').split(' ');
    var store = window.localStorage;
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      prefixes.forEach(function (prefix) {
        if (prefix && key && key.indexOf('afsprakenwiki:concept:' + prefix) === 0) {
          store.removeItem(key);
        }
      });
    }
  } catch (e) {
    // no storage: nothing to clear
  }
}());

/* "Afdrukken": the print stylesheet does the rest. */
document.addEventListener('click', function (event) {
  'use strict';
  var button = event.target.closest ? event.target.closest('[data-print]') : null;
  if (button) {
    window.print();
  }
});

/* Meeting minutes: a local copy while typing, so a closed tab or a lost connection loses nothing;
   dropped once the server confirmed the same text. */
(function () {
  'use strict';
  document.querySelectorAll('textarea[data-minutes]').forEach(function (area) {
    var key = 'afsprakenwiki:notulen:' + area.getAttribute('data-minutes');
    try {
      var kept = window.localStorage.getItem(key);
      if (kept !== null && kept !== area.value) {
        area.value = kept;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
    } catch (e) {
      // no storage: the server copy is all there is
    }
    area.addEventListener('input', function () {
      try {
        window.localStorage.setItem(key, area.value);
      } catch (e) {
        // no storage
      }
    });
    area.addEventListener('htmx:afterRequest', function (event) {
      try {
        if (event.detail.successful && window.localStorage.getItem(key) === area.value) {
          window.localStorage.removeItem(key);
        }
      } catch (e) {
        // no storage
      }
    });
  });
}());
