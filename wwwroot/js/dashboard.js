// Small browser-side preferences store (dark mode). Wrapped in try/catch: localStorage throws when
// storage is disabled (private mode, strict cookie settings), and a preference is never worth an error.
window.dashboardPrefs = {
  get: function (key) {
    try { return window.localStorage.getItem("dashboard." + key); } catch { return null; }
  },
  set: function (key, value) {
    try { window.localStorage.setItem("dashboard." + key, value); } catch { /* ignored */ }
  }
};
