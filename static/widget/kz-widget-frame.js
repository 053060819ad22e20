/* Runs inside the widget's iframe (same origin as the API): fetches the list and renders it. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("kz-widget-config").textContent);
  var list = document.getElementById("kz-widget-list");
  var labels = config.labels;

  function apiUrl() {
    var params = new URLSearchParams({ locale: config.lang, fallback: "true", limit: config.query.limit });
    if (config.kind === "events") {
      params.set("type", "programmes.EventPage");
      params.set("upcoming", "true");
      params.set("order", "start");
    } else {
      params.set("type", "programmes.CallForParticipationPage");
      params.set("status", "open");
      params.set("order", "deadline");
    }
    if (config.query.topic) params.set("topic", config.query.topic);
    if (config.query.country) params.set("country", config.query.country);
    return config.api + "?" + params.toString();
  }

  function formatDate(value, zone) {
    try {
      return new Intl.DateTimeFormat(config.langTag, { dateStyle: "long", timeStyle: "short", timeZone: zone }).format(
        new Date(value)
      );
    } catch (error) {
      return value;
    }
  }

  function reportHeight() {
    if (window.parent !== window) {
      window.parent.postMessage({ kzWidgetHeight: document.documentElement.scrollHeight }, "*");
    }
  }

  function message(text) {
    list.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    list.appendChild(p);
  }

  function render(items) {
    list.textContent = "";
    if (!items.length) {
      message(labels.empty);
      return;
    }
    var ul = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.meta.html_url;
      link.target = "_top";
      link.textContent = item.title;
      // A page not yet translated is shown in German: say so, and mark its language.
      if (item.meta.locale !== config.lang) {
        link.lang = item.meta.locale;
        link.dir = item.meta.dir;
      }
      li.appendChild(link);
      if (item.meta.locale !== config.lang) {
        li.appendChild(document.createTextNode(" " + labels.untranslated));
      }
      var meta = document.createElement("p");
      meta.className = "kz-widget__meta";
      var when = config.kind === "events" ? item.start : item.deadline;
      var time = document.createElement("time");
      time.dateTime = when;
      time.textContent = formatDate(when, item.time_zone);
      if (config.kind === "calls") meta.appendChild(document.createTextNode(labels.deadline + ": "));
      meta.appendChild(time);
      li.appendChild(meta);
      ul.appendChild(li);
    });
    list.appendChild(ul);
  }

  var fields = config.kind === "events" ? "start,time_zone" : "deadline,time_zone";
  fetch(apiUrl() + "&fields=" + fields, { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (data) {
      render(data.items);
    })
    .catch(function () {
      message(labels.error);
    })
    .then(function () {
      list.setAttribute("aria-busy", "false");
      reportHeight();
    });
  window.addEventListener("resize", reportHeight);
})();
