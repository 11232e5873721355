// Loaded first, as a same-origin classic script, by pages served under a strict CSP in the tests:
// records every `securitypolicyviolation` of the document from its first script on.
(function () {
  'use strict';
  var violations = [];
  Object.defineProperty(window, '__huotiCspViolations', { value: violations });
  document.addEventListener('securitypolicyviolation', function (event) {
    violations.push({ directive: event.effectiveDirective, blockedUri: event.blockedURI, sourceFile: event.sourceFile });
  });
})();
