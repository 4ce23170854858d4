/* Small site-wide behaviour: forget local draft copies once the server has confirmed a save. */
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
