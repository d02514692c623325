/*
 * <ydk-player src="/play/<token>/<id>/hls/master.m3u8" poster="…" kind="VIDEO|AUDIO">: plays a talk with hls.js
 * (Safari: natively). Playback URLs carry a short-lived token in the path; the element renews it through its Java
 * component before it expires and rewrites every request to use the current one.
 */
(() => {
  const RENEW_EVERY_MS = 4 * 60 * 1000;
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
      this.appendChild(this.video);
      this.start();
      this.renewal = setInterval(() => this.renew(), RENEW_EVERY_MS);
    }

    disconnectedCallback() {
      clearInterval(this.renewal);
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
