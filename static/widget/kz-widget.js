/*
 * Embeddable widget of the platform "Kommunale Zusammenarbeit Maghreb-Deutschland".
 *
 * Paste on your page:
 *   <div data-kz-widget data-kind="calls" data-lang="fr" data-topic="gestion-des-dechets" data-country="DZ"></div>
 *   <script src="https://PLATFORM/static/widget/kz-widget.js" defer></script>
 *
 * Each [data-kz-widget] element gets an <iframe> served by the platform, which reads the platform's
 * API itself: no third-party code, no CORS set-up on either side, the partner site's styles cannot
 * break it. The frame reports its height so that it never scrolls on its own.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src, window.location.href).origin;
  // The frame's accessible name, before the frame has loaded: the heading inside it, in the widget's language.
  var TITLES = {
    calls: {
      de: "Offene Aufrufe zur Teilnahme",
      fr: "Appels à participation ouverts",
      "ar-dz": "دعوات المشاركة المفتوحة",
      en: "Open calls for participation",
    },
    events: {
      de: "Bevorstehende Veranstaltungen",
      fr: "Événements à venir",
      "ar-dz": "الفعاليات القادمة",
      en: "Upcoming events",
    },
  };
  var LANGUAGE_TAGS = { de: "de", fr: "fr", "ar-dz": "ar-DZ", en: "en" };
  var frames = [];

  function build(element) {
    if (element.getAttribute("data-kz-ready")) return;
    element.setAttribute("data-kz-ready", "true");
    var kind = element.getAttribute("data-kind") === "events" ? "events" : "calls";
    // "ar-DZ" as well as "ar-dz": the platform's language codes are lower case.
    var lang = (element.getAttribute("data-lang") || "de").toLowerCase();
    var params = new URLSearchParams({ kind: kind, lang: lang });
    ["topic", "country", "limit"].forEach(function (name) {
      var value = element.getAttribute("data-" + name);
      if (value) params.set(name, value);
    });
    var frame = document.createElement("iframe");
    frame.src = origin + "/widget/?" + params.toString();
    if (element.getAttribute("data-title")) {
      frame.title = element.getAttribute("data-title");
    } else {
      // The default name is in the widget's language, which may not be the partner page's: say which.
      frame.title = TITLES[kind][lang] || TITLES[kind].en;
      frame.lang = TITLES[kind][lang] ? LANGUAGE_TAGS[lang] : "en";
    }
    frame.loading = "lazy";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.minHeight = "12rem";
    element.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data || typeof event.data.kzWidgetHeight !== "number") return;
    frames.forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = Math.ceil(event.data.kzWidgetHeight) + "px";
    });
  });

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kz-widget]"), build);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
