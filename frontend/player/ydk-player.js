/*
 * <ydk-player src="/play/<token>/<id>/hls/master.m3u8" poster="…" kind="VIDEO|AUDIO" start-at="s"
 *             report-url="/api/progress" report-key="<lessonId>">: plays a talk with hls.js (Safari: natively).
 * Playback URLs carry a short-lived token in the path; the element renews it through its Java component before it
 * expires and rewrites every request to use the current one. With report-url it tells the server which spans were
 * actually played (never the seek bar's position): every REPORT_EVERY_MS, and by beacon when the page goes away.
 * With presence-url (a live session) it posts every PRESENCE_EVERY_MS while the stream plays on a visible page.
 */
(() => {
  const RENEW_EVERY_MS = 4 * 60 * 1000;
  const REPORT_EVERY_MS = 12 * 1000;
  const PRESENCE_EVERY_MS = 10 * 1000; // within every 15-second presence slot of the server's
  const MAX_STEP_S = 1.5; // a larger jump between two timeupdates is a seek, not playing
  const TOKEN = /\/play\/[^/]+\//;

  class YdkPlayer extends HTMLElement {
    connectedCallback() {
      if (this.video) {
        return;
      }
      this.classList.add('ydk-player');
      this.video = document.createElement(this.getAttribute('kind') === 'AUDIO' ? 'audio' : 'video');
      this.video.controls = true;
      this.video.preload = 'metadata';
      this.video.setAttribute('playsinline', '');
      if (this.getAttribute('poster')) {
        this.video.poster = this.getAttribute('poster');
      }
      this.addCaptions();
      this.appendChild(this.video);
      this.addToolbar();
      this.start();
      this.renewal = setInterval(() => this.renew(), RENEW_EVERY_MS);
      this.track();
    }

    /** The talk's captions (WebVTT), shown from the start; the player's own menu turns them off. */
    addCaptions() {
      const captions = this.getAttribute('captions');
      if (!captions) {
        return;
      }
      const labels = JSON.parse(this.getAttribute('labels') || '{}');
      const track = document.createElement('track');
      track.kind = 'captions';
      track.srclang = 'zh';
      track.label = labels.captions || 'Captions';
      track.default = true;
      track.src = captions;
      this.video.appendChild(track);
    }

    /** Big, labelled buttons under the picture: playback speed, and sound only for a weak connection. */
    addToolbar() {
      const labels = JSON.parse(this.getAttribute('labels') || '{}');
      const bar = document.createElement('div');
      bar.className = 'ydk-player-tools';
      bar.setAttribute('role', 'toolbar');
      bar.setAttribute('aria-label', labels.toolbar || 'Player');
      // one big button to start and pause: the native controls are small for old hands and eyes
      const play = document.createElement('button');
      play.type = 'button';
      play.className = 'ydk-player-play';
      const showState = () => {
        play.textContent = this.video && !this.video.paused ? `❚❚ ${labels.pause || 'Pause'}` : `▶ ${labels.play || 'Play'}`;
      };
      play.addEventListener('click', () => {
        if (this.video.paused) {
          this.video.play();
        } else {
          this.video.pause();
        }
      });
      ['play', 'pause', 'ended'].forEach(type => this.video.addEventListener(type, showState));
      showState();
      bar.appendChild(play);
      const speeds = [0.75, 1, 1.25, 1.5].map((rate, i) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = (labels.speeds && labels.speeds[i]) || `${rate}×`; // plain words: 慢一点, 正常速度…
        button.setAttribute('aria-label', `${labels.speed || 'Speed'} ${rate}`);
        button.setAttribute('aria-pressed', String(rate === 1));
        button.addEventListener('click', () => {
          this.video.playbackRate = rate;
          speeds.forEach(b => b.setAttribute('aria-pressed', String(b === button)));
        });
        return button;
      });
      speeds.forEach(b => bar.appendChild(b));
      if (this.getAttribute('audio-only')) {
        const sound = document.createElement('button');
        sound.type = 'button';
        sound.className = 'ydk-player-audio-only';
        sound.textContent = labels.audioOnly || 'Sound only';
        sound.setAttribute('aria-pressed', 'false');
        sound.addEventListener('click', () => {
          const on = sound.getAttribute('aria-pressed') !== 'true';
          sound.setAttribute('aria-pressed', String(on));
          this.switchSource(on);
        });
        bar.appendChild(sound);
      }
      this.appendChild(bar);
    }

    /** Sound only: load the small audio rendition instead of the ladder, keeping the position and the speed. */
    switchSource(audioOnly) {
      const at = this.video.currentTime;
      const rate = this.video.playbackRate;
      const playing = !this.video.paused;
      const master = this.getAttribute('src');
      const src = audioOnly ? master.replace(/master\.m3u8$/, this.getAttribute('audio-only')) : master;
      this.classList.toggle('audio-only', audioOnly);
      const resume = () => {
        this.video.currentTime = at;
        this.video.playbackRate = rate;
        if (playing) {
          this.video.play();
        }
      };
      if (this.hls) {
        this.hls.once(window.Hls.Events.MANIFEST_PARSED, () => this.video.addEventListener('loadedmetadata', resume,
            {once: true}));
        this.hls.loadSource(this.withCurrentToken(src));
      } else {
        this.video.addEventListener('loadedmetadata', resume, {once: true});
        this.video.src = this.withCurrentToken(src);
      }
    }

    track() {
      const start = parseFloat(this.getAttribute('start-at') || '0');
      if (start > 0) {
        this.video.addEventListener('loadedmetadata', () => {
          if (start < this.video.duration - 5) {
            this.video.currentTime = start;
          }
        }, {once: true});
      }
      if (this.getAttribute('presence-url')) {
        // a live session: say "watching" while the stream plays on a visible page; the server's clock counts it
        this.presence = setInterval(() => {
          const v = this.video;
          if (v && !v.paused && !v.ended && document.visibilityState === 'visible') {
            window.ydkReport(this.getAttribute('presence-url'), '{}', false);
          }
        }, PRESENCE_EVERY_MS);
      }
      if (!this.getAttribute('report-url')) {
        return;
      }
      this.spans = [];
      this.last = null;
      const v = this.video;
      v.addEventListener('play', () => { this.last = v.currentTime; });
      v.addEventListener('seeking', () => { this.last = null; });
      v.addEventListener('seeked', () => { this.last = v.paused ? null : v.currentTime; });
      v.addEventListener('pause', () => { this.last = null; });
      v.addEventListener('timeupdate', () => {
        const now = v.currentTime;
        if (!v.paused && !v.seeking && this.last !== null && now > this.last && now - this.last <= MAX_STEP_S) {
          const open = this.spans[this.spans.length - 1];
          if (open && Math.abs(open[1] - this.last) < 0.01) {
            open[1] = now;
          } else {
            this.spans.push([this.last, now]);
          }
        }
        this.last = v.paused ? null : now;
      });
      this.reporting = setInterval(() => this.report(false), REPORT_EVERY_MS);
      this.onHide = () => { if (document.visibilityState === 'hidden') { this.report(true); } };
      this.onLeave = () => this.report(true);
      document.addEventListener('visibilitychange', this.onHide);
      window.addEventListener('pagehide', this.onLeave);
    }

    report(beacon) {
      if (!this.spans || this.spans.length === 0) {
        return;
      }
      this.spans = window.ydkVisitSpans(this.spans);
      const body = JSON.stringify({lessonId: this.getAttribute('report-key'), spans: this.spans,
        position: this.video ? this.video.currentTime : 0});
      window.ydkReport(this.getAttribute('report-url'), body, beacon);
    }

    disconnectedCallback() {
      this.report(false);
      clearInterval(this.renewal);
      clearInterval(this.reporting);
      clearInterval(this.presence);
      document.removeEventListener('visibilitychange', this.onHide);
      window.removeEventListener('pagehide', this.onLeave);
      if (this.hls) {
        this.hls.destroy();
        this.hls = null;
      }
      this.video = null;
      this.innerHTML = '';
    }

    get token() {
      const match = (this.getAttribute('src') || '').match(/\/play\/([^/]+)\//);
      return match ? match[1] : '';
    }

    withCurrentToken(url) {
      return url.replace(TOKEN, `/play/${this.token}/`);
    }

    start() {
      const src = this.getAttribute('src');
      if (window.Hls && window.Hls.isSupported()) {
        this.hls = new window.Hls({
          xhrSetup: (xhr, url) => xhr.open('GET', this.withCurrentToken(url), true),
        });
        this.hls.loadSource(src);
        this.hls.attachMedia(this.video);
      } else if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
        this.video.src = src;
      }
    }

    async renew() {
      if (this.$server && this.$server.renewToken) {
        const token = await this.$server.renewToken();
        this.setAttribute('src', (this.getAttribute('src') || '').replace(TOKEN, `/play/${token}/`));
      }
    }
  }

  customElements.define('ydk-player', YdkPlayer);
})();
