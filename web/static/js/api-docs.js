// Shows /api/v1/openapi.json with Swagger UI (served from its WebJar; no CDN, no inline script).
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var root = document.getElementById('swagger-ui');
  if (!root || typeof window.SwaggerUIBundle !== 'function') {
    return;
  }
  var csrf = document.querySelector('meta[name="csrf-token"]');
  window.SwaggerUIBundle({
    url: root.getAttribute('data-url'),
    domNode: root,
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // never ask an outside validator about the document
    validatorUrl: null,
    // "Try it out" with the login session: writes need the page's CSRF token, as every write does
    requestInterceptor: function (request) {
      if (csrf && request.method && request.method !== 'GET' && request.method !== 'HEAD') {
        request.headers['X-CSRF-Token'] = csrf.getAttribute('content');
      }
      return request;
    }
  });
});
