/*
 * The agreement editor: EasyMDE on top of the plain textarea (the form works without it), the
 * server-side preview (htmx posts the text; the server renders it with the same renderer as the
 * agreement page) and a local draft copy so that nothing typed is lost when a tab closes.
 */
(function () {
  'use strict';

  var form = document.getElementById('agreement-form');
  var textarea = document.getElementById('body');
  if (!form || !textarea) {
    return;
  }
  var dutch = (document.documentElement.lang || 'nl') !== 'en';
  var labels = dutch ? {
    bold: 'Vet', italic: 'Cursief', heading: 'Kop', strikethrough: 'Doorhalen', quote: 'Citaat',
    ul: 'Opsomming', ol: 'Genummerde lijst', link: 'Link invoegen', table: 'Tabel invoegen',
    hr: 'Scheidingslijn', undo: 'Ongedaan maken', redo: 'Opnieuw'
  } : {
    bold: 'Bold', italic: 'Italic', heading: 'Heading', strikethrough: 'Strikethrough', quote: 'Quote',
    ul: 'Bulleted list', ol: 'Numbered list', link: 'Insert link', table: 'Insert table',
    hr: 'Horizontal rule', undo: 'Undo', redo: 'Redo'
  };

  var title = document.getElementById('title');
  var summary = document.getElementById('summary');
  var editor = null;

  function bodyValue() {
    return editor ? editor.value() : textarea.value;
  }

  function announceChange() {
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  if (window.EasyMDE) {
    var E = window.EasyMDE;
    editor = new E({
      element: textarea,
      forceSync: true,
      spellChecker: false,
      nativeSpellcheck: true,
      autoDownloadFontAwesome: false,
      autosave: { enabled: false },
      status: ['lines', 'words'],
      minHeight: '24rem',
      toolbar: [
        { name: 'bold', action: E.toggleBold, className: 'fa fa-bold', title: labels.bold },
        { name: 'italic', action: E.toggleItalic, className: 'fa fa-italic', title: labels.italic },
        { name: 'strikethrough', action: E.toggleStrikethrough, className: 'fa fa-strikethrough', title: labels.strikethrough },
        { name: 'heading', action: E.toggleHeadingSmaller, className: 'fa fa-header', title: labels.heading },
        '|',
        { name: 'quote', action: E.toggleBlockquote, className: 'fa fa-quote-left', title: labels.quote },
        { name: 'unordered-list', action: E.toggleUnorderedList, className: 'fa fa-list-ul', title: labels.ul },
        { name: 'ordered-list', action: E.toggleOrderedList, className: 'fa fa-list-ol', title: labels.ol },
        { name: 'link', action: E.drawLink, className: 'fa fa-link', title: labels.link },
        { name: 'table', action: E.drawTable, className: 'fa fa-table', title: labels.table },
        { name: 'horizontal-rule', action: E.drawHorizontalRule, className: 'fa fa-minus', title: labels.hr },
        '|',
        { name: 'undo', action: E.undo, className: 'fa fa-undo', title: labels.undo },
        { name: 'redo', action: E.redo, className: 'fa fa-repeat', title: labels.redo }
      ]
    });
    var cm = editor.codemirror;
    // Tab must move the focus out of the editor (WCAG 2.1.2: no keyboard trap).
    var keys = Object.assign({}, cm.getOption('extraKeys') || {});
    keys.Tab = false;
    keys['Shift-Tab'] = false;
    cm.setOption('extraKeys', keys);
    var input = cm.getInputField();
    input.setAttribute('aria-labelledby', 'body-label');
    if (textarea.getAttribute('aria-describedby')) {
      input.setAttribute('aria-describedby', textarea.getAttribute('aria-describedby'));
    }
    Array.prototype.forEach.call(document.querySelectorAll('.editor-toolbar button'), function (button) {
      if (!button.getAttribute('aria-label') && button.title) {
        button.setAttribute('aria-label', button.title);
      }
      var icon = button.querySelector('i');
      if (icon) {
        icon.setAttribute('aria-hidden', 'true');
      }
    });
    var label = document.getElementById('body-label');
    if (label) {
      label.addEventListener('click', function () { cm.focus(); });
    }
    cm.on('change', function () {
      cm.save();
      announceChange();
      changed();
    });
  } else {
    textarea.addEventListener('input', changed);
  }

  // --- local draft copy --------------------------------------------------------------------------

  var storageKey = 'afsprakenwiki:concept:' + form.getAttribute('data-draft-key');
  var timer = null;
  var dirty = false;

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function changed() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(saveDraft, 700);
  }

  function saveDraft() {
    var store = storage();
    if (!store || !dirty) {
      return;
    }
    try {
      store.setItem(storageKey, JSON.stringify({
        title: title ? title.value : '',
        body: bodyValue(),
        summary: summary ? summary.value : '',
        at: new Date().toISOString()
      }));
    } catch (e) {
      // storage full or disabled: the server copy is what counts
    }
  }

  [title, summary].forEach(function (field) {
    if (field) {
      field.addEventListener('input', changed);
    }
  });
  window.addEventListener('pagehide', saveDraft);

  var banner = document.getElementById('draft-banner');
  var store = storage();
  var saved = null;
  try {
    saved = store ? JSON.parse(store.getItem(storageKey) || 'null') : null;
  } catch (e) {
    saved = null;
  }
  if (saved && banner && (saved.body !== bodyValue() || (title && saved.title !== title.value))) {
    // as the pages write a moment: "5 december 2026 om 14:30", "5 December 2026 at 14:30"
    var when = new Date(saved.at).toLocaleString(dutch ? 'nl-NL' : 'en-GB',
      { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    document.getElementById('draft-text').textContent = banner.getAttribute('data-message').replace('{0}', when);
    banner.hidden = false;
    document.getElementById('draft-restore').addEventListener('click', function () {
      if (title) { title.value = saved.title; }
      if (summary) { summary.value = saved.summary; }
      if (editor) { editor.value(saved.body); } else { textarea.value = saved.body; announceChange(); }
      banner.hidden = true;
      (editor ? editor.codemirror : textarea).focus();
    });
    document.getElementById('draft-discard').addEventListener('click', function () {
      store.removeItem(storageKey);
      banner.hidden = true;
    });
  }
}());
