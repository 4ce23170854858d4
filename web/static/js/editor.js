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
  // Toolbar and status bar texts in the page's language, from the messages bundles (#editor-texts).
  var texts = document.getElementById('editor-texts');
  var labels = texts ? texts.dataset : {};

  var title = document.getElementById('title');
  var summary = document.getElementById('summary');
  var editor = null;

  function bodyValue() {
    return editor ? editor.value() : textarea.value;
  }

  function announceChange() {
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // Counted as EasyMDE counts words (letters and digits, CJK per character).
  function wordCount(text) {
    var words = text.match(/[a-zA-Z0-9_\u00A0-\u02AF\u0392-\u03c9\u0410-\u04F9]+|[\u4E00-\u9FFF\u3400-\u4dbf\uf900-\ufaff\u3040-\u309f\uac00-\ud7af]+/g) || [];
    return words.reduce(function (count, word) {
      return count + (word.charCodeAt(0) >= 0x4E00 ? word.length : 1);
    }, 0);
  }

  function countLines(el) {
    el.textContent = (labels.lines || 'regels') + ': ' + (editor ? editor.codemirror.lineCount() : textarea.value.split('\n').length);
  }

  function countWords(el) {
    el.textContent = (labels.words || 'woorden') + ': ' + wordCount(bodyValue());
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
      // Own status items: EasyMDE's built-in ones get English prefixes from its stylesheet.
      status: [
        { className: 'editor-count', defaultValue: countLines, onUpdate: countLines },
        { className: 'editor-count', defaultValue: countWords, onUpdate: countWords }
      ],
      minHeight: '24rem',
      toolbar: [
        { name: 'bold', action: E.toggleBold, className: 'fa fa-bold', title: labels.bold },
        { name: 'italic', action: E.toggleItalic, className: 'fa fa-italic', title: labels.italic },
        { name: 'strikethrough', action: E.toggleStrikethrough, className: 'fa fa-strikethrough', title: labels.strikethrough },
        { name: 'heading', action: E.toggleHeadingSmaller, className: 'fa fa-header', title: labels.heading },
        '|',
        { name: 'quote', action: E.toggleBlockquote, className: 'fa fa-quote-left', title: labels.quote },
        { name: 'unordered-list', action: E.toggleUnorderedList, className: 'fa fa-list-ul', title: labels.unorderedList },
        { name: 'ordered-list', action: E.toggleOrderedList, className: 'fa fa-list-ol', title: labels.orderedList },
        { name: 'link', action: E.drawLink, className: 'fa fa-link', title: labels.link },
        { name: 'table', action: E.drawTable, className: 'fa fa-table', title: labels.table },
        { name: 'horizontal-rule', action: E.drawHorizontalRule, className: 'fa fa-minus', title: labels.horizontalRule },
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
    // Typed text is never altered: no list numbers added on Enter (typing "2." after an automatic
    // "2. " gave "2. 2."), no list marker removed from a line that holds only "2.".
    keys.Enter = 'newlineAndIndent';
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

  // --- local draft copy (drafts.js): kept until the server confirmed the text this form sent ------

  var Drafts = window.AfsprakenwikiDrafts;
  var base = form.getAttribute('data-draft-base') || '';
  var draft = Drafts.open('concept:' + form.getAttribute('data-draft-key'));
  var timer = null;
  var dirty = false;

  function values() {
    return { title: title ? title.value : '', body: bodyValue(), summary: summary ? summary.value : '' };
  }

  function changed() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(keepDraft, 700);
  }

  function keepDraft() {
    if (dirty) {
      draft.keep(values(), base);
    }
  }

  [title, summary].forEach(function (field) {
    if (field) {
      field.addEventListener('input', changed);
    }
  });
  window.addEventListener('pagehide', keepDraft);
  form.addEventListener('submit', function (event) {
    // The preview button re-renders this form and stores nothing: only a save is "sent".
    var button = event.submitter;
    if (button && button.name === 'action' && button.value === 'preview') {
      keepDraft();
    } else {
      clearTimeout(timer);
      draft.sending(values(), base);
    }
  });

  // Copies from before drafts.js were keyed by agreement and base revision.
  var legacy = Drafts.open('concept:' + form.getAttribute('data-draft-key') + (base && base !== '0' ? '-' + base : ''));
  if (!draft.copy() && legacy.name !== draft.name && legacy.copy()) {
    draft.keep(legacy.copy().value, base);
    legacy.drop();
  }
  // This form is shown again (a conflict, an error): a save that was sent was not confirmed.
  draft.unsent();

  var banner = document.getElementById('draft-banner');
  var saved = draft.copy();
  // A copy typed on an older revision (e.g. a conflict page closed halfway) is restored together
  // with that revision as its base, so that saving merges it with what was saved since instead of
  // undoing someone's changes; a copy of another (newer) revision is not offered.
  var older = saved && saved.base !== null && /^\d+$/.test(String(saved.base)) && Number(saved.base) > 0
    && Number(saved.base) < Number(base) && form.elements.baseRevision;
  if (saved && banner && (saved.base === null || String(saved.base) === base || older) && saved.value
      && typeof saved.value.body === 'string' && !sameValues(saved.value, values())) {
    // as the pages write a moment: "5 december 2026 om 14:30", "5 December 2026 at 14:30"
    var when = new Date(saved.at).toLocaleString(dutch ? 'nl-NL' : 'en-GB',
      { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    var message = older ? banner.getAttribute('data-message-older').replace('{1}', saved.base) : banner.getAttribute('data-message');
    document.getElementById('draft-text').textContent = message.replace('{0}', when);
    banner.hidden = false;
    document.getElementById('draft-restore').addEventListener('click', function () {
      var kept = saved.value;
      if (older) {
        base = String(saved.base);
        form.elements.baseRevision.value = base;
        form.setAttribute('data-draft-base', base);
      }
      if (title) { title.value = kept.title; }
      if (summary) { summary.value = kept.summary; }
      if (editor) { editor.value(kept.body); } else { textarea.value = kept.body; announceChange(); }
      banner.hidden = true;
      (editor ? editor.codemirror : textarea).focus();
    });
    document.getElementById('draft-discard').addEventListener('click', function () {
      draft.drop();
      banner.hidden = true;
    });
  }

  function sameValues(a, b) {
    return a.body === b.body && a.title === b.title && (a.summary || '') === (b.summary || '');
  }
}());
