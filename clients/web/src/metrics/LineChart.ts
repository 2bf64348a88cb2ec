// A line chart in inline SVG: one line per series over a shared time axis, with its legend and
// axis labels. Small on purpose; the explorer ships no chart library.
import { h } from "../dom";

export interface Series {
  name: string;
  /** [time in ms, value], in time order. */
  points: [number, number][];
}

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 900;
const HEIGHT = 320;
const PAD = { left: 100, right: 60, top: 16, bottom: 40 };
// Distinct on white and for the common kinds of colour blindness (Okabe–Ito).
const COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/** Four evenly spaced ticks from min to max (one when they are equal). */
const ticks = (min: number, max: number): number[] => (min === max ? [min] : [0, 1, 2, 3].map((i) => min + ((max - min) * i) / 3));

/** Draws the series; yLabel names the measure, formatValue writes its tick labels. */
export function lineChart(series: readonly Series[], yLabel: string, formatValue: (value: number) => string): HTMLElement {
  const all = series.flatMap((line) => line.points);
  const [times, values] = [all.map(([t]) => t), all.map(([, v]) => v)];
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(0, ...values), Math.max(...values)];
  const x = (t: number) => PAD.left + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - (v1 === v0 ? 0.5 : (v - v0) / (v1 - v0)) * (HEIGHT - PAD.top - PAD.bottom);

  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": `${yLabel} by model over time`, class: "chart" });
  for (const tick of ticks(v0, v1)) {
    chart.append(svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(tick), y2: y(tick), class: "grid" }));
    chart.append(svg("text", { x: PAD.left - 6, y: y(tick) + 4, "text-anchor": "end", class: "tick" }, formatValue(tick)));
  }
  for (const tick of ticks(t0, t1)) {
    chart.append(svg("text", { x: x(tick), y: HEIGHT - PAD.bottom + 16, "text-anchor": "middle", class: "tick" }, new Date(tick).toISOString().slice(0, 16).replace("T", " ")));
  }
  chart.append(svg("text", { x: (PAD.left + WIDTH - PAD.right) / 2, y: HEIGHT - 6, "text-anchor": "middle", class: "axis-label" }, "time (UTC, bucket start)"));
  chart.append(svg("text", { x: 16, y: HEIGHT / 2, transform: `rotate(-90 16 ${HEIGHT / 2})`, "text-anchor": "middle", class: "axis-label" }, yLabel));
  series.forEach((line, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const path = svg("polyline", { points: line.points.map(([t, v]) => `${x(t)},${y(v)}`).join(" "), stroke: colour, class: "series", "data-series": line.name });
    chart.append(path);
    for (const [t, v] of line.points) {
      chart.append(svg("circle", { cx: x(t), cy: y(v), r: 3, fill: colour, "data-series": line.name, "data-time": new Date(t).toISOString(), "data-value": v }));
    }
  });

  const legend = h("ul", { class: "legend", "aria-label": "Legend" }, ...series.map((line, i) =>
    h("li", {}, h("span", { class: "swatch", style: `background: ${COLOURS[i % COLOURS.length]}` }), line.name)));
  const figure = h("figure", { class: "chart-figure" }, legend);
  figure.prepend(chart);
  return figure;
}
