/*
 * ydkVisitSpans(spans): the spans played during this page visit, overlapping ones merged, at most the last 150. A
 * report sends all of them every time: the server counts each second once, and credits what it could not credit
 * before (more played than its clock allowed, a report lost on the way) as the page stays open.
 */
window.ydkVisitSpans = (spans) => {
  const merged = [];
  for (const span of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) {
      last[1] = Math.max(last[1], span[1]);
    } else {
      merged.push([span[0], span[1]]);
    }
  }
  return merged.slice(-150);
};

/*
 * ydkReport(url, body, beacon): sends a study report (JSON text) to the server. As fetch with the CSRF header while
 * the page lives; as a form with the CSRF token through navigator.sendBeacon when the page is hidden or closing
 * (a beacon cannot set headers). Used by <ydk-player> and <ydk-reader>.
 */
window.ydkReport = (url, body, beacon) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (beacon && navigator.sendBeacon) {
    const form = new URLSearchParams({report: body});
    if (token) {
      form.append('_csrf', token.content);
    }
    navigator.sendBeacon(url, form);
    return;
  }
  const headers = {'Content-Type': 'application/json'};
  if (token && header) {
    headers[header.content] = token.content;
  }
  fetch(url, {method: 'POST', headers, body, keepalive: true}).catch(() => {
    // offline: the next report carries on; seconds lost here are only re-earned by studying them again
  });
};
