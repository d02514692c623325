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
