"""Charts for the documents: Vega-Lite specs drawn by vl-convert as SVG (PDF, HTML) and PNG (Word).

In: a plan with its metric data, the status picture as at a date, a renderer with a cache
folder. Out: `Figures` (see `figures.draw_all`): each chart with an alt text that states its
finding and a small data table, because ARIA inside an SVG is ignored by the PDF renderer and
a picture is never the only carrier of a fact.

- `draw`: the renderer (vl-convert, cached by a hash of the spec, versions and fonts), the
  `Chart` it returns, the shared look (620 px wide, Liberation Sans from wsoagen/fonts/);
- `text`: text widths in that font, wrapping, tick labels worded by `data.wording`;
- `scales`: value axes chosen from the data, date windows and month ticks;
- `timeaxis`: the time axis and the as-at marker on it;
- `metric`, `status`, `timeline`: one chart each; `figures`: all of them for a date.

Charts carry no title of their own: the document puts the caption above the figure.
"""

from wsoagen.render.charts.draw import FONT, WIDTH, Chart, ChartRenderer
from wsoagen.render.charts.figures import Figures, MetricView, draw_all
from wsoagen.render.charts.metric import metric_chart
from wsoagen.render.charts.status import status_chart
from wsoagen.render.charts.timeline import timeline_chart

__all__ = ["FONT", "WIDTH", "Chart", "ChartRenderer", "Figures", "MetricView", "draw_all", "metric_chart", "status_chart",
           "timeline_chart"]
