// The home page's park links filter its list in place; without JavaScript they open the park's page.
(function () {
  var nav = document.querySelector(".park-filter");
  if (!nav) return;
  var links = nav.querySelectorAll("a[data-park]");
  function show(park) {
    document.querySelectorAll(".story-item[data-park]").forEach(function (item) {
      item.hidden = park !== "" && item.getAttribute("data-park") !== park;
    });
    links.forEach(function (link) {
      if (link.getAttribute("data-park") === park) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
  }
  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      show(link.getAttribute("data-park"));
    });
  });
})();
