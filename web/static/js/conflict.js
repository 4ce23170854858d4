/*
 * Forms that resolve a conflict block by block (agreements/conflictblocks.jte, inside a form with
 * data-draft-key and data-conflict: what conflicts with what) work without this script; with it, the choices and
 * texts are kept as a local copy (drafts.js) so that closing the page halfway loses nothing: the
 * same conflict shown again (the editor offers the unsaved text, and saving it conflicts the same
 * way) fills them in again. Typing in a block's own text chooses "edit it myself" for that block.
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-conflict][data-draft-key]');
  var Drafts = window.AfsprakenwikiDrafts;
  if (!form || !Drafts) {
    return;
  }
  // One copy per agreement and kind of conflict, which belongs to one conflict: filled in only
  // when the same conflict (the same revisions and the same text of the writer's) comes back.
  var draft = Drafts.open(form.getAttribute('data-draft-key'));
  var conflictWith = form.getAttribute('data-conflict');

  function fields() {
    return Array.prototype.filter.call(form.elements, function (field) {
      return /^(keuze|tekst)-\d+$/.test(field.name) || field.name === 'title' || field.name === 'summary';
    });
  }

  function values() {
    var state = { conflict: conflictWith, fields: {} };
    fields().forEach(function (field) {
      if (field.type === 'radio') {
        if (field.checked) {
          state.fields[field.name] = field.value;
        }
      } else {
        state.fields[field.name] = field.value;
      }
    });
    return state;
  }

  function apply(state) {
    var changed = false;
    fields().forEach(function (field) {
      if (!Object.prototype.hasOwnProperty.call(state.fields, field.name)) {
        return;
      }
      var value = state.fields[field.name];
      if (field.type === 'radio') {
        if (field.value === value && !field.checked) {
          field.checked = true;
          changed = true;
        }
      } else if (field.value !== value) {
        field.value = value;
        changed = true;
      }
    });
    return changed;
  }

  var copy = draft.copy();
  if (copy && copy.value && copy.value.conflict === conflictWith && apply(copy.value)) {
    document.getElementById('conflict-restored').hidden = false;
  }
  draft.unsent();

  form.addEventListener('input', function (event) {
    var choice = event.target.getAttribute('data-choice');
    if (choice && document.getElementById(choice)) {
      document.getElementById(choice).checked = true;
    }
    draft.keep(values());
  });
  form.addEventListener('change', function () {
    draft.keep(values());
  });
  form.addEventListener('submit', function () {
    draft.sending(values());
  });
}());
