// Demo portal: plain script (no inline code, no eval), so it runs under the strict CSP.
// 1. eligibility status from @huoti/eligibility; 2. face certification with <huoti-liveness> and a
// plan signed by the example backend (POST /plans), whose evidence goes back to POST /verify.
(function () {
  'use strict';
  var Huoti = window.Huoti;
  var eligibility = Huoti.eligibility;
  var byId = function (id) { return document.getElementById(id); };
  byId('sdk-version').textContent = 'Huoti SDK ' + Huoti.version;

  eligibility.PRESET_NAMES.forEach(function (name) {
    var option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    byId('profile').append(option);
  });

  /** Today's civil date in Asia/Shanghai (UTC+8, no daylight saving): the rules take it as a parameter. */
  function shanghaiToday() {
    return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  }

  function line(parent, text, className) {
    var p = document.createElement('p');
    p.textContent = text;
    if (className) p.className = className;
    parent.append(p);
  }

  byId('status-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var output = byId('status-result');
    output.replaceChildren();
    var id = eligibility.parseResidentId(byId('id-number').value);
    if (!id.valid) {
      line(output, '身份证号码无效（' + id.error + '）。请核对后重新输入。/ The ID number is not valid (' + id.error + ').', 'error');
      return;
    }
    var firstPayment = byId('first-payment').value;
    if (!firstPayment) {
      line(output, '请填写首次领取待遇日期。/ Enter the first payment date.', 'error');
      return;
    }
    var events = [];
    if (byId('last-certified').value) {
      events.push({ date: byId('last-certified').value, channel: 'app', result: 'success' });
    }
    try {
      var result = eligibility.evaluateCertification({
        profile: eligibility.getPreset(byId('profile').value),
        facts: { firstPaymentDate: firstPayment, certificationEvents: events, today: shanghaiToday() },
      });
      line(output, '状态 / Status: ' + result.status + (result.nextDueDate ? '，下次认证截止 / next due ' + result.nextDueDate : ''));
      result.explanation.lines.forEach(function (explanation) { line(output, explanation['zh-CN'] + ' ' + explanation.en); });
      byId('certify').hidden = false;
    } catch (error) {
      line(output, '无法计算 / Cannot evaluate: ' + (error.code || '') + ' ' + error.message, 'error');
    }
  });

  function postJson(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json().then(function (json) { return { status: response.status, json: json }; }); });
  }

  /** The reference photo the portal holds for this person (here: chosen by hand), or null. */
  function referencePhoto() {
    var files = byId('reference-photo').files;
    return files && files.length > 0 ? files[0] : null;
  }

  byId('certify-start').addEventListener('click', function () {
    var output = byId('certify-result');
    output.textContent = '';
    var reference = referencePhoto();
    var element = document.createElement('huoti-liveness');
    element.setAttribute('lang', 'zh-CN');
    element.setAttribute('elderly', '');
    if (byId('helper-mode').checked) element.setAttribute('helper', '');
    // A fresh signed plan for every run ("try again" included). The element asks with its pacing
    // (elderly: longer step timeouts); with a reference photo the plan starts with a face match.
    element.planProvider = function (request) {
      return postJson('/plans', { pacing: request.pacing, faceMatch: reference !== null }).then(function (answer) {
        if (answer.status !== 201) throw new Error('POST /plans → HTTP ' + answer.status);
        return answer.json;
      });
    };
    if (reference) element.faceReference = reference;
    element.addEventListener('huoti-complete', function (completed) {
      var detail = completed.detail;
      if (!detail.passed) {
        output.textContent = '本次认证未通过，可以重试，或到线下窗口办理。/ Not passed this time: try again or use an office.';
        return;
      }
      output.textContent = '正在提交核验… / Sending the evidence for verification…';
      postJson('/verify', detail.evidence).then(function (verdict) {
        output.textContent = verdict.json.accepted
          ? '认证成功，服务器已确认。/ Certified: the server accepted the evidence.'
          : '服务器未接受本次认证 / The server did not accept it: ' + verdict.json.reasons.join(', ');
      });
    });
    element.addEventListener('huoti-declined', function () {
      output.textContent = '您选择了线下办理：社保经办窗口、社区服务中心或上门认证。/ You chose an offline channel.';
    });
    byId('liveness-slot').replaceChildren(element);
    element.start();
  });
})();
