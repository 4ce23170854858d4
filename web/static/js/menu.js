/*
 * The header's menu button on narrow screens. The button starts hidden and the menu visible, so
 * without JavaScript the whole menu simply shows (wrapping); this script reveals the button, which
 * then folds the menu away until it is opened (CSS decides at which widths it folds).
 */
(function () {
  'use strict';
  var button = document.querySelector('.menu-button[aria-controls]');
  var menu = button && document.getElementById(button.getAttribute('aria-controls'));
  if (!menu) {
    return;
  }
  var header = button.closest('.site-header');

  function setOpen(open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    header.classList.toggle('menu-open', open);
  }

  function isOpen() {
    return button.getAttribute('aria-expanded') === 'true';
  }

  header.classList.add('has-menu-button');
  button.hidden = false;
  button.addEventListener('click', function () {
    setOpen(!isOpen());
  });
  /* A menu left open on a narrow window closes when the window widens past the button. */
  window.addEventListener('resize', function () {
    if (isOpen() && button.offsetParent === null) {
      setOpen(false);
    }
  });
  /* Escape closes an open menu and returns focus to its button, as for a disclosure. */
  header.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && isOpen()) {
      setOpen(false);
      button.focus();
    }
  });
}());
