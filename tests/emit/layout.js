// Measures the layout of every page framed in the wrapper test_browser.py writes, and
// leaves the numbers as JSON in <pre id="measured"> for --dump-dom to carry out.
"use strict";

function describe(element) {
  var classes = element.getAttribute("class");
  return element.tagName.toLowerCase() + (classes ? "." + classes.trim().split(/\s+/).join(".") : "");
}

function scrollsSideways(win, element) {
  var overflow = win.getComputedStyle(element).overflowX;
  return overflow === "auto" || overflow === "scroll";
}

// Inside a box that scrolls sideways on its own, an element may reach past the screen:
// the box clips it, and the box itself is measured.
function insideScroller(win, element) {
  for (var box = element.parentElement; box && box !== win.document.body; box = box.parentElement) {
    if (scrollsSideways(win, box)) return true;
  }
  return false;
}

function pastRightEdge(win) {
  var found = [];
  win.document.body.querySelectorAll("*").forEach(function (element) {
    var right = element.getBoundingClientRect().right;
    if (right > win.innerWidth + 0.5 && !insideScroller(win, element)) {
      found.push(describe(element) + " to " + Math.round(right) + " px");
    }
  });
  return found;
}

// Boxes whose content is wider than they are: the reader has to scroll them sideways.
function scrolledBoxes(win) {
  var found = [];
  win.document.body.querySelectorAll("*").forEach(function (element) {
    if (scrollsSideways(win, element) && element.scrollWidth > element.clientWidth + 1) {
      found.push(describe(element));
    }
  });
  return found;
}

// Each label of the chart (time ticks across, level lines up): its size on screen (font size times the SVG's scale) and
// its box, beside the chart's box.
function chartLabels(win) {
  return Array.prototype.map.call(win.document.querySelectorAll("svg.profile text"), function (text) {
    var box = text.getBoundingClientRect(), chart = text.ownerSVGElement.getBoundingClientRect();
    return {
      text: text.textContent,
      kind: text.getAttribute("class") || "",
      top: box.top, bottom: box.bottom,
      px: text.getScreenCTM().a * parseFloat(win.getComputedStyle(text).fontSize),
      left: box.left, right: box.right, chartLeft: chart.left, chartRight: chart.right,
    };
  });
}

function measure(win) {
  return {
    innerWidth: win.innerWidth,
    scrollWidth: win.document.documentElement.scrollWidth,
    pastRightEdge: pastRightEdge(win),
    scrolledBoxes: scrolledBoxes(win),
    charts: win.document.querySelectorAll("svg.profile").length,
    labels: chartLabels(win),
  };
}

// The wrapper's load event comes after every frame's.
addEventListener("load", function () {
  var pages = {};
  document.querySelectorAll("iframe").forEach(function (frame) {
    pages[frame.dataset.page] = measure(frame.contentWindow);
  });
  document.getElementById("measured").textContent = JSON.stringify(pages);
});
