/* Search suggestions: the ARIA 1.2 combobox pattern (input + listbox), no dependencies.
   Without JavaScript the form is an ordinary GET form; this only adds the list. */
(function () {
  "use strict";

  function init(form) {
    var input = form.querySelector("input[name=q]");
    var url = form.getAttribute("data-suggest-url");
    if (!input || !url || !window.fetch) return;

    var listbox = document.createElement("ul");
    listbox.id = input.id + "-suggestions";
    listbox.className = "search-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", form.getAttribute("data-suggestions-label") || "");
    listbox.hidden = true;
    input.parentNode.appendChild(listbox);

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    var items = [], active = -1, timer = null, controller = null;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var options = listbox.querySelectorAll("[role=option]");
      if (!options.length) return;
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function render(suggestions) {
      items = suggestions;
      listbox.textContent = "";
      suggestions.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.textContent = item.title;  // text, never HTML
        if (item.lang) title.lang = item.lang;
        var type = document.createElement("span");
        type.className = "search-suggestions__type";
        type.textContent = item.type;
        option.appendChild(title);
        option.appendChild(type);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { window.location.href = item.url; });
        listbox.appendChild(option);
      });
      var template = form.getAttribute("data-count-template") || "%s";
      status.textContent = suggestions.length ? template.replace("%s", suggestions.length) : "";
      if (suggestions.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < 2) { render([]); return; }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { render(data.suggestions || []); })
        .catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (listbox.hidden && items.length) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
        setActive(active + 1);
        event.preventDefault();
      } else if (event.key === "ArrowUp") {
        setActive(active - 1);
        event.preventDefault();
      } else if (event.key === "Escape") {
        close();
      } else if (event.key === "Enter" && active >= 0 && !listbox.hidden) {
        event.preventDefault();
        window.location.href = items[active].url;
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("form[data-suggest-url]").forEach(init);
})();
