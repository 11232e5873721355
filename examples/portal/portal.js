// Demo portal logic: plain script, no inline code, so it runs under the strict CSP.
(function () {
  'use strict';
  var Huoti = window.Huoti;
  document.getElementById('sdk-version').textContent = 'Huoti SDK ' + Huoti.version;

  document.getElementById('id-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var output = document.getElementById('id-result');
    var input = document.getElementById('id-number').value;
    if (typeof Huoti.eligibility.parseResidentId !== 'function') {
      output.textContent = '身份证号校验尚未提供 / ID-number checks are not available in this build.';
      return;
    }
    var result = Huoti.eligibility.parseResidentId(input);
    output.textContent = result.valid
      ? '号码有效 / Valid: ' + result.birthDate + ', ' + (result.sex === 'male' ? '男 / male' : '女 / female')
      : '号码无效 / Invalid: ' + result.error;
  });
})();
