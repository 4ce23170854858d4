/*
 * Local copies of typed text, kept until the server has confirmed exactly that text.
 *
 * Every change gets a sequence number (never lower than the last one for the same box). A save
 * records the number of the text it sends; when the server confirms that save, the copy is dropped
 * only if nothing was typed since (its number is not higher); a newer copy stays and is saved next.
 * Comparing the copy with the text on the page (as this code once did) drops text that is typed
 * after a request left and then sits only in a queued request when the page is closed.
 *
 * Boxes that autosave with htmx need only attributes: data-draft="<name>" on the textarea, and the
 * server echoes the X-Draft-Seq request header once it has stored the text (web/Drafts.java).
 * Pages that confirm a full form post carry data-drafts-confirmed (see confirmPage below).
 */
(function () {
  'use strict';

  var PREFIX = 'afsprakenwiki:';
  var SEQ_HEADER = 'X-Draft-Seq';
  var FIRST_RETRY_MILLIS = 3000;
  var LAST_RETRY_MILLIS = 60000;

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /* Copies written before this module were the bare text (minutes) or {title, body, summary, at}. */
  function upgrade(raw) {
    var parsed = null;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      parsed = null;
    }
    if (parsed && parsed.v === 1) {
      return parsed;
    }
    if (parsed && typeof parsed === 'object' && typeof parsed.body === 'string') {
      return { v: 1, value: { title: parsed.title || '', body: parsed.body, summary: parsed.summary || '' },
        seq: 1, at: parsed.at || null, base: null, sent: null };
    }
    return { v: 1, value: raw, seq: 1, at: null, base: null, sent: null };
  }

  function read(name) {
    var store = storage();
    if (!store) {
      return null;
    }
    try {
      var raw = store.getItem(PREFIX + name);
      return raw === null ? null : upgrade(raw);
    } catch (e) {
      return null;
    }
  }

  function write(name, copy) {
    var store = storage();
    try {
      if (store) {
        store.setItem(PREFIX + name, JSON.stringify(copy));
      }
    } catch (e) {
      // storage full or disabled: the server copy is what counts
    }
  }

  function remove(name) {
    var store = storage();
    try {
      if (store) {
        store.removeItem(PREFIX + name);
      }
    } catch (e) {
      // no storage: nothing to remove
    }
  }

  function Draft(name) {
    this.name = name;
    this.last = 0;
  }

  /* The stored copy: {value, seq, at, base, sent} or null. */
  Draft.prototype.copy = function () {
    return read(this.name);
  };

  /* Keeps value as the newest copy (base: what the server text was when typing began); returns its number. */
  Draft.prototype.keep = function (value, base) {
    var copy = read(this.name);
    if (copy && same(copy.value, value) && (base === undefined || String(copy.base) === String(base))) {
      return copy.seq;
    }
    // Time-based, so that a copy started after a drop never reuses a number a pending save carries.
    var seq = Math.max(Date.now(), this.last + 1, copy ? copy.seq + 1 : 0);
    this.last = seq;
    write(this.name, {
      v: 1, value: value, seq: seq, at: new Date().toISOString(),
      base: base !== undefined ? String(base) : (copy ? copy.base : null),
      sent: copy ? copy.sent : null
    });
    return seq;
  };

  /* A save leaves with value: keeps it and notes its number as sent; returns that number. */
  Draft.prototype.sending = function (value, base) {
    var seq = this.keep(value, base);
    var copy = read(this.name);
    if (copy) {
      copy.sent = seq;
      write(this.name, copy);
    }
    return seq;
  };

  /* The server stored the text numbered seq: drop the copy unless something newer was typed. */
  Draft.prototype.confirmed = function (seq) {
    var copy = read(this.name);
    if (copy && copy.seq <= seq) {
      remove(this.name);
    }
  };

  /* The last sent save was not confirmed (the form came back): keep the copy as unsent. */
  Draft.prototype.unsent = function () {
    var copy = read(this.name);
    if (copy && copy.sent !== null) {
      copy.sent = null;
      write(this.name, copy);
    }
  };

  Draft.prototype.drop = function () {
    remove(this.name);
  };

  var Drafts = {
    open: function (name) {
      return new Draft(name);
    },

    /*
     * A page shown after a form post was stored: for each named copy whose save was sent, drop it
     * if nothing was typed after sending, or else move it to `into` (the saved agreement) with the
     * server's new revision as its base, so that the editor offers it next time.
     */
    confirmSent: function (names, into, base) {
      names.forEach(function (name) {
        var copy = read(name);
        if (!copy || copy.sent === null || copy.sent === undefined) {
          return;
        }
        remove(name);
        if (copy.seq > copy.sent) {
          copy.sent = null;
          copy.base = String(base);
          write(into || name, copy);
        }
      });
    }
  };
  window.AfsprakenwikiDrafts = Drafts;

  function whenReady(callback) {
    // After htmx has processed the page (its listener was registered first), so that an input
    // event sent on restoring a copy starts a save.
    if (document.readyState === 'complete') {
      callback();
    } else {
      document.addEventListener('DOMContentLoaded', callback);
    }
  }

  /*
   * Autosaving text boxes (htmx): restore, keep, number each save, drop only what was confirmed. A
   * save that was not confirmed (no network, a server error, a sign-in page) says so in the box's
   * status line instead of leaving an old "Opgeslagen" there, and is tried again: the box's
   * hx-trigger includes the event "draft-retry".
   */
  function autosave(area) {
    var draft = Drafts.open(area.getAttribute('data-draft'));
    var status = area.getAttribute('hx-target') ? document.querySelector(area.getAttribute('hx-target')) : null;
    var retry = null;
    var wait = FIRST_RETRY_MILLIS;
    var copy = draft.copy();
    if (copy && typeof copy.value === 'string' && copy.value !== area.value) {
      area.value = copy.value;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (copy) {
      draft.drop(); // the server already has this text
    }
    area.addEventListener('input', function () {
      draft.keep(area.value);
    });
    area.addEventListener('htmx:configRequest', function (event) {
      if (event.detail.elt === area) {
        var sent = event.detail.parameters[area.name];
        event.detail.headers[SEQ_HEADER] = String(draft.sending(typeof sent === 'string' ? sent : area.value));
      }
    });
    area.addEventListener('htmx:afterRequest', function (event) {
      var xhr = event.detail.xhr;
      var echoed = xhr && event.detail.successful ? xhr.getResponseHeader(SEQ_HEADER) : null;
      if (echoed && /^\d+$/.test(echoed)) {
        draft.confirmed(Number(echoed));
        wait = FIRST_RETRY_MILLIS;
        return;
      }
      if (status && area.getAttribute('data-draft-failed')) {
        status.textContent = area.getAttribute('data-draft-failed');
      }
      clearTimeout(retry);
      retry = setTimeout(function () {
        area.dispatchEvent(new Event('draft-retry'));
      }, wait);
      wait = Math.min(wait * 2, LAST_RETRY_MILLIS);
    });
  }

  /* A page that confirms a form post: <div hidden data-drafts-confirmed="names" data-drafts-into data-drafts-base>. */
  function confirmPage() {
    var marker = document.querySelector('[data-drafts-confirmed]');
    if (marker) {
      Drafts.confirmSent(marker.getAttribute('data-drafts-confirmed').split(' ').filter(Boolean),
        marker.getAttribute('data-drafts-into'), marker.getAttribute('data-drafts-base'));
    }
  }

  confirmPage();
  whenReady(function () {
    document.querySelectorAll('textarea[data-draft]').forEach(autosave);
  });
}());
