/*
 * <ydk-reader duration="s" start-at="s" report-url="/api/progress" report-key="<lessonId>" labels="{…}">: an article
 * with a read-aloud toolbar. The article's reading time (`duration`, from its length) is its timeline: it advances one
 * second a second while the page is on screen or being read aloud, and the spans covered are reported like a talk's
 * (every REPORT_EVERY_MS and by beacon when the page goes away). Reading aloud uses the browser's speech synthesis with
 * a zh-CN voice, a sentence at a time (so pause works everywhere); with no Chinese voice it says so once and offers
 * larger text instead of a button that can only fail again. Each sentence read moves the
 * timeline to its share of the text, and the last one to the end: reading aloud to the end completes the article.
 * The text to speak is the `text` property (plain words, set by the server).
 */
(() => {
  const REPORT_EVERY_MS = 12 * 1000;
  const SENTENCE_END = /(?<=[。！？!?；;\n])/;

  class YdkReader extends HTMLElement {
    connectedCallback() {
      if (this.toolbar) {
        return;
      }
      this.classList.add('ydk-reader');
      this.labels = JSON.parse(this.getAttribute('labels') || '{}');
      this.duration = parseFloat(this.getAttribute('duration') || '60');
      this.position = Math.min(parseFloat(this.getAttribute('start-at') || '0'), this.duration);
      this.spans = [];
      this.state = 'idle'; // idle | speaking | paused
      this.addToolbar();
      this.ticking = setInterval(() => this.tick(), 1000);
      this.reporting = setInterval(() => this.report(false), REPORT_EVERY_MS);
      this.onHide = () => { if (document.visibilityState === 'hidden') { this.report(true); } };
      this.onLeave = () => { this.stop(); this.report(true); };
      document.addEventListener('visibilitychange', this.onHide);
      window.addEventListener('pagehide', this.onLeave);
    }

    addToolbar() {
      this.toolbar = document.createElement('div');
      this.toolbar.className = 'ydk-player-tools ydk-reader-tools';
      this.toolbar.setAttribute('role', 'toolbar');
      this.toolbar.setAttribute('aria-label', this.labels.toolbar || 'Read aloud');
      this.speakButton = this.button(this.labels.readAloud || 'Read aloud', () => this.speakOrResume());
      this.speakButton.classList.add('ydk-reader-speak');
      this.pauseButton = this.button(this.labels.pause || 'Pause', () => this.pause());
      this.stopButton = this.button(this.labels.stop || 'Stop', () => this.stop());
      this.status = document.createElement('span');
      this.status.className = 'ydk-reader-status';
      this.status.setAttribute('aria-live', 'polite');
      this.toolbar.append(this.speakButton, this.pauseButton, this.stopButton, this.status);
      this.prepend(this.toolbar);
      this.show();
    }

    button(text, action) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.addEventListener('click', action);
      return b;
    }

    show() {
      this.pauseButton.disabled = this.state !== 'speaking';
      this.stopButton.disabled = this.state === 'idle';
      this.speakButton.textContent = this.state === 'paused' ? (this.labels.resume || 'Resume')
          : (this.labels.readAloud || 'Read aloud');
      this.speakButton.disabled = this.state === 'speaking';
    }

    /** The timeline runs while the article is on screen or being read aloud. */
    tick() {
      if (document.visibilityState === 'visible' || this.state === 'speaking') {
        this.advanceTo(this.position + 1);
      }
    }

    advanceTo(seconds) {
      const to = Math.min(this.duration, seconds);
      if (to <= this.position) {
        return;
      }
      const open = this.spans[this.spans.length - 1];
      if (open && Math.abs(open[1] - this.position) < 0.01) {
        open[1] = to;
      } else {
        this.spans.push([this.position, to]);
      }
      this.position = to;
    }

    async speakOrResume() {
      if (this.state === 'paused') {
        this.state = 'speaking';
        window.speechSynthesis.resume();
        this.show();
        return;
      }
      this.voice = 'speechSynthesis' in window ? await this.chineseVoice() : null;
      if (!this.voice) {
        this.noVoice();
        return;
      }
      const text = this.text || '';
      this.sentences = text.split(SENTENCE_END).map(s => s.trim()).filter(s => s.length > 0);
      this.total = this.sentences.reduce((n, s) => n + s.length, 0) || 1;
      this.spoken = 0;
      this.next = 0;
      this.state = 'speaking';
      window.speechSynthesis.cancel();
      this.show();
      this.speakNext();
    }

    /** A Chinese voice of this device, waiting briefly for the list (browsers fill it after the page loads). */
    chineseVoice() {
      const find = () => {
        const voices = window.speechSynthesis.getVoices();
        return voices.find(v => v.lang.replace('_', '-').toLowerCase() === 'zh-cn')
            || voices.find(v => v.lang.toLowerCase().startsWith('zh')) || null;
      };
      return new Promise(resolve => {
        if (find()) {
          resolve(find());
          return;
        }
        const done = () => {
          window.speechSynthesis.removeEventListener('voiceschanged', done);
          clearTimeout(timer);
          resolve(find());
        };
        const timer = setTimeout(done, 1500);
        window.speechSynthesis.addEventListener('voiceschanged', done);
      });
    }

    /**
     * No Chinese voice here (or speech failed): say so once in plain words and offer larger text instead, never a
     * button that can only fail again.
     */
    noVoice() {
      this.state = 'idle';
      this.speakButton.hidden = true;
      this.pauseButton.hidden = true;
      this.stopButton.hidden = true;
      this.status.textContent = this.labels.noVoice || 'This device has no Chinese voice to read aloud.';
      const step = parseInt(document.documentElement.dataset.fontStep || '0', 10);
      if (step < 3 && !this.largerButton) {
        this.largerButton = this.button(this.labels.larger || 'Larger text', () => this.larger());
        this.largerButton.classList.add('ydk-reader-larger');
        this.toolbar.append(this.largerButton);
      }
    }

    /** One font step larger, at once and remembered on this device (the server reads the cookie on the next page). */
    larger() {
      const step = Math.min(3, parseInt(document.documentElement.dataset.fontStep || '0', 10) + 1);
      document.documentElement.dataset.fontStep = String(step);
      document.cookie = `ydk-font-step=${step}; path=/; max-age=31536000; samesite=lax`;
      if (step >= 3) {
        this.largerButton.hidden = true;
      }
    }

    speakNext() {
      if (this.state === 'idle') {
        return;
      }
      if (this.next >= this.sentences.length) {
        this.state = 'idle';
        this.advanceTo(this.duration);
        this.status.textContent = this.labels.finished || 'Read to the end.';
        this.show();
        this.report(false);
        return;
      }
      const sentence = this.sentences[this.next];
      const utterance = new SpeechSynthesisUtterance(sentence);
      utterance.lang = 'zh-CN';
      utterance.voice = this.voice;
      utterance.onend = () => {
        this.spoken += sentence.length;
        this.next += 1;
        this.advanceTo(this.duration * this.spoken / this.total);
        this.status.textContent = `${this.next} / ${this.sentences.length}`;
        this.speakNext();
      };
      utterance.onerror = event => {
        if (event.error !== 'interrupted' && event.error !== 'canceled') {
          this.noVoice();
        }
      };
      window.speechSynthesis.speak(utterance);
    }

    pause() {
      if (this.state === 'speaking') {
        this.state = 'paused';
        window.speechSynthesis.pause();
        this.show();
      }
    }

    stop() {
      if (this.state !== 'idle' && 'speechSynthesis' in window) {
        this.state = 'idle';
        window.speechSynthesis.cancel();
        this.status.textContent = '';
        this.show();
      }
    }

    report(beacon) {
      if (this.spans.length === 0 || !this.getAttribute('report-url')) {
        return;
      }
      this.spans = window.ydkVisitSpans(this.spans);
      const body = JSON.stringify({lessonId: this.getAttribute('report-key'), spans: this.spans,
        position: this.position});
      window.ydkReport(this.getAttribute('report-url'), body, beacon);
    }

    disconnectedCallback() {
      this.stop();
      this.report(false);
      clearInterval(this.ticking);
      clearInterval(this.reporting);
      document.removeEventListener('visibilitychange', this.onHide);
      window.removeEventListener('pagehide', this.onLeave);
    }
  }

  customElements.define('ydk-reader', YdkReader);
})();
