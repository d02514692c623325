/*
 * <ydk-upload>: resumable upload of one talk, in parts, to /api/uploads (see UploadController).
 * A dropped network is retried until it works again; choosing the same file after a reload or a server restart
 * resumes at the first missing part. Shows percent, speed and time left; can be cancelled.
 * Texts come from the server in the `i18n` property; events: ydk-upload-complete, ydk-upload-refused.
 */
(() => {
  const MAX_WAIT_MS = 30000;
  const PENDING_KEY = 'ydk-upload-pending';

  class YdkUpload extends HTMLElement {
    constructor() {
      super();
      this.i18n = {};
      this.state = null;
    }

    connectedCallback() {
      if (this.input) {
        return;
      }
      this.classList.add('ydk-upload');
      this.innerHTML = `
        <label class="ydk-upload-pick"><input type="file" accept="video/*,audio/*,.mp4,.mov,.m4a,.mp3,.mkv,.webm,.wav,.amr">
          <span class="ydk-upload-pick-text"></span></label>
        <div class="ydk-upload-pending" hidden></div>
        <div class="ydk-upload-progress" hidden>
          <div class="ydk-upload-name"></div>
          <progress max="100" value="0"></progress>
          <div class="ydk-upload-figures" aria-live="polite"></div>
          <button type="button" class="ydk-upload-cancel"></button>
        </div>
        <div class="ydk-upload-message" role="alert"></div>`;
      this.input = this.querySelector('input');
      this.bar = this.querySelector('progress');
      this.input.addEventListener('change', () => this.input.files.length && this.upload(this.input.files[0]));
      this.querySelector('.ydk-upload-cancel').addEventListener('click', () => this.cancel());
      this.render();
    }

    set textsJson(value) {
      this.i18n = JSON.parse(value || '{}');
      this.render();
    }

    t(key, ...args) {
      let text = this.i18n[key] || key;
      args.forEach((arg, i) => { text = text.replace(`{${i}}`, arg); });
      return text;
    }

    render() {
      if (!this.input) {
        return;
      }
      this.querySelector('.ydk-upload-pick-text').textContent = this.t('pick');
      this.querySelector('.ydk-upload-cancel').textContent = this.t('cancel');
      this.input.setAttribute('aria-label', this.t('pick'));
      const pending = JSON.parse(localStorage.getItem(PENDING_KEY) || 'null');
      const box = this.querySelector('.ydk-upload-pending');
      box.hidden = !pending || !!this.state;
      if (pending) {
        box.textContent = this.t('pending', pending.name);
      }
    }

    headers(extra) {
      const token = document.querySelector('meta[name="_csrf"]');
      const header = document.querySelector('meta[name="_csrf_header"]');
      const headers = Object.assign({'X-Ydk-Lang': this.getAttribute('lang') || 'zh-CN'}, extra || {});
      if (token && header) {
        headers[header.content] = token.content;
      }
      return headers;
    }

    async upload(file) {
      this.message('');
      const started = await this.call('POST', '/api/uploads',
          JSON.stringify({filename: file.name, size: file.size, lastModified: file.lastModified}));
      if (!started) {
        return;
      }
      const state = this.state = {file, id: started.mediaId, chunk: started.chunkSize, total: started.totalParts,
        received: new Set(started.receivedParts), xhr: null, cancelled: false, samples: []};
      localStorage.setItem(PENDING_KEY, JSON.stringify({name: file.name, size: file.size}));
      this.querySelector('.ydk-upload-progress').hidden = false;
      this.querySelector('.ydk-upload-name').textContent = file.name;
      this.input.disabled = true;
      this.render();
      for (let part = 1; part <= state.total && !state.cancelled; part++) {
        if (!state.received.has(part) && !(await this.sendWithRetry(state, part))) {
          return;
        }
      }
      if (state.cancelled) {
        return;
      }
      this.figures(this.t('checking'));
      const done = await this.call('POST', `/api/uploads/${state.id}/complete`, null);
      this.finish();
      if (done) {
        this.message(this.t('done', file.name), false);
        this.dispatchEvent(new CustomEvent('ydk-upload-complete', {detail: {mediaId: state.id}}));
      } else {
        this.dispatchEvent(new CustomEvent('ydk-upload-refused', {detail: {mediaId: state.id}}));
      }
    }

    /** Sends one part; on a network failure waits and tries again, for as long as it takes. */
    async sendWithRetry(state, part) {
      let wait = 1000;
      for (;;) {
        const result = await this.sendPart(state, part);
        if (result === 'ok') {
          state.received.add(part);
          return true;
        }
        if (result === 'refused' || state.cancelled) {
          this.finish();
          return false;
        }
        this.figures(this.t('offline', Math.round(wait / 1000)));
        await new Promise(resolve => setTimeout(resolve, wait));
        wait = Math.min(MAX_WAIT_MS, wait * 2);
      }
    }

    sendPart(state, part) {
      const from = (part - 1) * state.chunk;
      const blob = state.file.slice(from, Math.min(state.file.size, from + state.chunk));
      return new Promise(resolve => {
        const xhr = state.xhr = new XMLHttpRequest();
        xhr.open('PUT', `/api/uploads/${state.id}/parts/${part}`);
        Object.entries(this.headers({'Content-Type': 'application/octet-stream'}))
            .forEach(([k, v]) => xhr.setRequestHeader(k, v));
        xhr.upload.onprogress = e => this.progress(state, e.loaded);
        xhr.onload = () => {
          if (xhr.status === 204) {
            resolve('ok');
          } else if (xhr.status >= 400 && xhr.status < 500 && xhr.status !== 408 && xhr.status !== 429) {
            this.showError(xhr.responseText);
            resolve('refused');
          } else {
            resolve('retry');
          }
        };
        xhr.onerror = xhr.ontimeout = () => resolve('retry');
        xhr.onabort = () => resolve('refused');
        xhr.send(blob);
      });
    }

    progress(state, partLoaded) {
      const done = Math.min(state.file.size, state.received.size * state.chunk + partLoaded);
      const now = performance.now();
      state.samples.push({now, done});
      while (state.samples.length > 2 && now - state.samples[0].now > 5000) {
        state.samples.shift();
      }
      const first = state.samples[0];
      const speed = now > first.now ? (done - first.done) * 1000 / (now - first.now) : 0;
      const percent = Math.floor(done * 100 / state.file.size);
      this.bar.value = percent;
      const left = speed > 0 ? Math.round((state.file.size - done) / speed) : null;
      this.figures(this.t('figures', percent, (speed / 1048576).toFixed(1),
          left === null ? '…' : (left >= 60 ? this.t('minutes', Math.floor(left / 60), left % 60) : this.t('seconds', left))));
    }

    async cancel() {
      const state = this.state;
      if (!state) {
        return;
      }
      state.cancelled = true;
      if (state.xhr) {
        state.xhr.abort();
      }
      await fetch(`/api/uploads/${state.id}`, {method: 'DELETE', headers: this.headers()});
      this.finish();
      this.message(this.t('cancelled'), false);
    }

    finish() {
      localStorage.removeItem(PENDING_KEY);
      this.state = null;
      this.input.disabled = false;
      this.input.value = '';
      this.querySelector('.ydk-upload-progress').hidden = true;
      this.render();
    }

    async call(method, url, body) {
      for (let wait = 1000; ; wait = Math.min(MAX_WAIT_MS, wait * 2)) {
        try {
          const response = await fetch(url, {method, body, headers: this.headers({'Content-Type': 'application/json'})});
          if (response.ok) {
            return response.status === 204 ? {} : response.json();
          }
          this.showError(await response.text());
          return null;
        } catch (networkDown) {
          this.message(this.t('offline', Math.round(wait / 1000)), false);
          await new Promise(resolve => setTimeout(resolve, wait));
        }
      }
    }

    showError(body) {
      let text = this.t('failed');
      try {
        text = JSON.parse(body).message || text;
      } catch (notJson) { /* keep the general text */ }
      this.message(text, true);
    }

    figures(text) {
      this.querySelector('.ydk-upload-figures').textContent = text;
    }

    message(text, error) {
      const box = this.querySelector('.ydk-upload-message');
      box.textContent = text;
      box.classList.toggle('error', !!error);
    }
  }

  customElements.define('ydk-upload', YdkUpload);
})();
