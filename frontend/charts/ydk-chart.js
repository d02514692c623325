/*
 * <ydk-chart data='{"labels": [...], "series": [{"name": "...", "values": [...], "unit": "%"}], "max": 100}'>:
 * horizontal bars, one group per label (long Chinese names stay readable on a phone), drawn by ECharts (vendored,
 * SVG renderer) at the page's font size; redrawn when its data, its width or the page's text size changes. The
 * element is role="img" with a label from the server; the figures are in the table beside it.
 */
(() => {
  const COLOURS = ['#b71c1c', '#1565c0', '#2e7d32'];

  class YdkChart extends HTMLElement {
    static get observedAttributes() {
      return ['data'];
    }

    connectedCallback() {
      if (!this.chart) {
        this.chart = window.echarts.init(this, null, {renderer: 'svg'});
        this.resizes = new ResizeObserver(() => this.draw());
        this.resizes.observe(this);
        this.resizes.observe(document.documentElement);
      }
      this.draw();
    }

    disconnectedCallback() {
      if (this.chart) {
        this.resizes.disconnect();
        this.chart.dispose();
        this.chart = null;
      }
    }

    attributeChangedCallback() {
      this.draw();
    }

    draw() {
      if (!this.chart) {
        return;
      }
      const data = JSON.parse(this.getAttribute('data') || '{"labels": [], "series": []}');
      const font = parseFloat(getComputedStyle(this).fontSize) || 24;
      const rowHeight = Math.max(2.6 * font * Math.max(1, data.series.length * 0.8), 60);
      this.style.height = Math.max(data.labels.length * rowHeight + 3 * font, 8 * font) + 'px';
      const narrow = this.clientWidth < 36 * font;
      this.chart.resize();
      this.chart.setOption({
        animation: false,
        aria: {enabled: false},
        textStyle: {fontSize: font * 0.85, fontFamily: getComputedStyle(this).fontFamily, color: '#1a1a1a'},
        color: COLOURS,
        legend: {top: 0, left: 0, textStyle: {fontSize: font * 0.85, color: '#1a1a1a'}, itemWidth: font, itemHeight: font * 0.6},
        grid: {top: 2 * font, left: 0, right: font * (narrow ? 2.6 : 3.5), bottom: font * 0.5, containLabel: true},
        xAxis: {
          type: 'value', max: data.max || null, axisLabel: {show: !narrow, fontSize: font * 0.8},
          splitLine: {show: !narrow}
        },
        yAxis: {
          type: 'category', inverse: true, data: data.labels,
          axisLabel: {fontSize: font * 0.85, color: '#1a1a1a', width: narrow ? 4.5 * font : 12 * font, overflow: 'break'}
        },
        series: data.series.map(s => ({
          name: s.name, type: 'bar', data: s.values, barMaxWidth: font * 1.2,
          label: {show: true, position: 'right', fontSize: font * 0.8, formatter: p => p.value + (s.unit || '')}
        }))
      }, true);
    }
  }

  customElements.define('ydk-chart', YdkChart);
})();
