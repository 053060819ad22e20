// wagtail-localize's translation editor (a React bundle) hard-codes two English labels: the
// screen-reader text "More actions" and each tab's heading "<source> to <target> translation".
// This replaces them with the gettext'd labels the admin puts on this script tag
// (cms/wagtail_hooks.py), also in parts React renders later (tabs, menus).
(() => {
  const labels = document.currentScript.dataset;

  function relabel(editor, englishTitle, title) {
    editor.querySelectorAll(".w-sr-only").forEach((element) => {
      if (element.textContent === "More actions") element.textContent = labels.moreActions;
    });
    editor.querySelectorAll("h3").forEach((element) => {
      if (element.textContent === englishTitle) element.textContent = title;
    });
  }

  function start() {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    const props = JSON.parse(editor.dataset.props);
    const source = props.sourceLocale.displayName;
    const target = props.locale.displayName;
    const englishTitle = `${source} to ${target} translation`;
    const title = labels.editorTitle.replace("{source}", source).replace("{target}", target);
    const update = () => relabel(editor, englishTitle, title);
    new MutationObserver(update).observe(editor, { childList: true, subtree: true });
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
