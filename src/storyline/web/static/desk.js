// storyline desk: small enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Filter the claims board as you type (the box stays hidden without JavaScript).
  const filter = document.getElementById("claim-filter");
  if (filter) {
    filter.closest(".filter").hidden = false;
    const claims = Array.from(document.querySelectorAll("details.claim"));
    filter.addEventListener("input", () => {
      const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      for (const claim of claims) {
        const text = claim.textContent.toLowerCase();
        claim.hidden = !words.every((word) => text.includes(word));
      }
    });
  }
  // A link to #claim-id opens that claim on the board.
  const openTarget = () => {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") {
      target.open = true;
    }
  };
  window.addEventListener("hashchange", openTarget);
  openTarget();
});
