// wagtail-localize's translation editor writes its "More actions" button label in English in
// its script, outside every catalog: read it in the editor's language from the admin's own
// catalog (django.gettext, loaded on every admin page), also when the editor redraws it.
(() => {
  const english = "More actions";
  const translate = (root) => {
    if (!window.django || typeof window.django.gettext !== "function") return;
    const translated = window.django.gettext(english);
    if (translated === english) return;
    for (const label of root.querySelectorAll(".w-dropdown__toggle .w-sr-only")) {
      if (label.textContent === english) label.textContent = translated;
    }
  };
  const start = () => {
    // Editors only (the page and translation editors): other admin screens are left alone.
    const editor = document.body.classList.contains("page-editor") && document.querySelector("main");
    if (!editor) return;
    translate(editor);
    new MutationObserver(() => translate(editor)).observe(editor, {
      childList: true,
      subtree: true,
    });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
