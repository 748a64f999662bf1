// Enhances the static chart SVGs with interactive Vega views (tooltips, a width that follows the
// column). Progressive: if vega or vega-embed did not load, or a view fails to render, the
// static SVG rendered at build time stays. Data files (the world map) are loaded from the site's
// own assets/world/ folder, found relative to this script so a path prefix needs no configuration.
(function () {
  "use strict";
  var script = document.currentScript;
  if (typeof window.vegaEmbed !== "function" || typeof window.vega === "undefined" || !script) return;
  var worldBase = new URL("world/", script.src).href;
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;

  function plotWidth(spec, staticSvg, available) {
    // The static SVG is the plot plus its axes; keep the axes' room and fit the plot into the rest.
    var outer = Number(staticSvg && staticSvg.getAttribute("width")) || available;
    var inner = typeof spec.width === "number" ? spec.width : outer;
    return Math.max(160, Math.floor(available - (outer - inner)));
  }

  function enhance(figure) {
    var specElement = figure.querySelector("script.chart-spec");
    var staticView = figure.querySelector(".chart-view");
    if (!specElement || !staticView) return;
    var spec;
    try {
      spec = JSON.parse(specElement.textContent);
    } catch (err) {
      return;
    }
    var meta = spec.usermeta || {};
    var staticSvg = staticView.querySelector("svg");
    var available = staticView.clientWidth || figure.clientWidth;
    if (meta.responsive !== false && typeof spec.width === "number") {
      var width = plotWidth(spec, staticSvg, available);
      // A map keeps its aspect ratio: the height follows the width.
      if (meta.keepAspect && typeof spec.height === "number") spec.height = Math.round((spec.height * width) / spec.width);
      spec.width = width;
      // A one-row legend wider than a phone would widen the chart: wrap it.
      var legendConfig = (spec.config && spec.config.legend) || {};
      (spec.legends || []).forEach(function (legend) {
        var direction = legend.direction || legendConfig.direction;
        if (direction === "horizontal" && available < 560) legend.columns = Math.max(2, Math.floor(width / 120));
      });
    }

    var live = document.createElement("div");
    live.className = "chart-view chart-live";
    live.hidden = true;
    staticView.after(live);
    window
      .vegaEmbed(live, spec, {
        mode: "vega",
        renderer: "svg",
        actions: false,
        loader: window.vega.loader({ baseURL: worldBase }),
        tooltip: { theme: dark ? "dark" : "light" },
      })
      .then(function () {
        live.hidden = false;
        staticView.remove();
        figure.classList.add("chart-enhanced");
      })
      .catch(function (err) {
        live.remove();
        figure.classList.add("chart-static");
        if (window.console) console.warn("chart kept static:", err && err.message);
      });
  }

  var figures = document.querySelectorAll("figure.chart");
  for (var i = 0; i < figures.length; i++) enhance(figures[i]);
})();
