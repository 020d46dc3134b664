// The language switcher keeps the place a reader is at: the #fragment goes with the link.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".langs a[href]");
  if (link && location.hash && !link.hash) link.hash = location.hash;
});
