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
      params.set("fields", "start,all_day,time_zone,event_format,venue");
    } else {
      params.set("type", "programmes.CallForParticipationPage");
      params.set("status", "open");
      params.set("order", "deadline");
      params.set("fields", "deadline,time_zone");
    }
    if (config.query.topic) params.set("topic", config.query.topic);
    if (config.query.country) params.set("country", config.query.country);
    return config.api + "?" + params.toString();
  }

  // Times are those of the page's own time zone, named as the platform's pages do ("10:00 UTC+1"):
  // a reader in Algiers must not take a Berlin time for a local one.
  function formatDate(value, zone, allDay) {
    var options = { year: "numeric", month: "long", day: "numeric", timeZone: zone };
    if (!allDay) {
      options.hour = "2-digit";
      options.minute = "2-digit";
      options.timeZoneName = "short";
    }
    try {
      return new Intl.DateTimeFormat(config.langTag, options).format(new Date(value));
    } catch (error) {
      return value;
    }
  }

  // Where an event takes place: the venue's town, and/or "Online".
  function place(item) {
    var parts = [];
    if (item.event_format !== "online" && item.venue && item.venue.locality) parts.push(item.venue.locality);
    if (item.event_format !== "on_site") parts.push(labels.online);
    return parts.join(" · ");
  }

  // The partner page sizes the frame to its content, so that the frame never scrolls on its own. The
  // body's own height (not the document's, which is never less than the frame) lets it shrink too.
  function reportHeight() {
    if (window.parent !== window) {
      window.parent.postMessage({ kzWidgetHeight: Math.ceil(document.body.getBoundingClientRect().height) }, "*");
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
      time.textContent = formatDate(when, item.time_zone, config.kind === "events" && item.all_day);
      if (config.kind === "calls") {
        // "Deadline: %(date)s", translated as a whole: the date goes where the translation puts it.
        var around = labels.deadline.split("%(date)s");
        meta.appendChild(document.createTextNode(around[0]));
        meta.appendChild(time);
        meta.appendChild(document.createTextNode(around.slice(1).join("")));
      } else {
        meta.appendChild(time);
      }
      if (config.kind === "events" && place(item)) meta.appendChild(document.createTextNode(" · " + place(item)));
      li.appendChild(meta);
      ul.appendChild(li);
    });
    list.appendChild(ul);
  }

  fetch(apiUrl(), { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (response.ok) return response.json();
      // The API says what is wrong (an unknown topic, say): tell the partner's developer in the console.
      return response.text().then(function (body) {
        throw new Error("kz-widget: the API answered " + response.status + ": " + body);
      });
    })
    .then(function (data) {
      render(data.items);
    })
    .catch(function (error) {
      if (window.console) console.error(error);
      message(labels.error);
    })
    .then(function () {
      list.setAttribute("aria-busy", "false");
      reportHeight();
    });
  if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.body);
  else window.addEventListener("resize", reportHeight);
})();
