"""Follow a banded table down its pages: each band's height, and the part of each spanning cell it shows.

In: a Grid and its bands (`bands.bands_of`), then, band after band, whether it opens a page. Out:
the band's height (`Flow.advance`), and once every band is known, each band's part of each
spanning cell (`Flow.parts`): characters [start, end), and how far below the band's top its
first line goes.

On the endless page a spanning cell's text ran on beside the rows; a band shows the lines
starting in it (a line across its foot runs on into the band below, where the border is hidden).
A band that opens a page shows the lines ending in it instead (the band above cannot draw past
the page's foot), starts each continued cell with the cell's label, and is made taller by the
most that any of its cells' text moves down for that. A cell whose text moved down less runs on
into the room this leaves at the band's foot: from there on its text sits that much higher in
its bands (its `shift`), so no cell has a gap in its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wsoagen.render.paginate.bands import EPSILON, Band
from wsoagen.render.paginate.grid import Grid, Line
from wsoagen.render.paginate.measure import SLACK

Start = tuple[int, float] | None  # a part's first character and how far below its band's top its first line goes


@dataclass
class Flow:
    """One table's bands followed in order: `advance` each band (whether it opens a page known),
    then read every band's `parts`."""

    grid: Grid
    bands: list[Band]  # the table's bands, in order
    cover: dict[int, list[int]] = field(default_factory=dict)  # span index -> the bands beside it
    shift: dict[int, float] = field(default_factory=dict)  # span index -> how much higher its text sits
    starts: list[dict[int, Start]] = field(default_factory=list)  # band -> span index -> where its part starts

    @classmethod
    def of(cls, grid: Grid, groups: list[list[Band]]) -> Flow:
        flow = cls(grid, [band for group in groups for band in group])
        for i, band in enumerate(flow.bands):
            for k in grid.beside(band.owner):
                flow.cover.setdefault(k, []).append(i)
        return flow

    def advance(self, i: int, opens_page: bool) -> float:
        """Band i's height (CSS px, rounded as written in the HTML), bands before it known."""
        band, starts, moved = self.bands[i], {}, {}
        for k in self.grid.beside(band.owner):
            span, shift = self.grid.spans[k], self.shift.get(k, 0.0)
            j = self.cover[k].index(i)
            if j == 0:
                starts[k] = (0, 0.0)
                continue
            below = self.bands[self.cover[k][j + 1]].top if j + 1 < len(self.cover[k]) else float("inf")
            starts[k] = _first(span.lines, band.top + shift, below + shift, ending=opens_page)
            if opens_page and starts[k] is not None:
                starts[k] = self._kept(k, j, starts[k], band.top + shift)
            if opens_page and span.lines:
                # its text moves down by this much (a cell holding only its label must just fit)
                moved[k] = span.pad + span.label - (starts[k][1] if starts[k] else band.height)
        room = max(moved.values(), default=0.0)
        room = room + 2 * SLACK if room > 0 else 0.0  # a little more: the height asked for is the height
        for k, m in moved.items():
            if starts[k] is not None:
                self.shift[k] = self.shift.get(k, 0.0) + room - m
        self.starts.append(starts)
        return round(band.height + room, 2)

    def _kept(self, k: int, j: int, start: tuple[int, float], top: float) -> tuple[int, float]:
        """A part opening a page starts a line earlier if the line before is a lead-in to a list
        (it would end the page alone), unless that takes the only line of the part it is in."""
        lines = self.grid.spans[k].lines
        i = next(n for n, line in enumerate(lines) if line.start == start[0])
        if not (i and lines[i - 1].keep):
            return start
        lead = lines[i - 1]
        earlier = [self.starts[b][k] for b in self.cover[k][:j]]
        if not any(s is not None and s[0] < lead.start for s in earlier):
            return start
        for b in self.cover[k][:j]:  # parts before that would start after the lead-in now hold nothing
            if self.starts[b][k] is not None and self.starts[b][k][0] >= lead.start:
                self.starts[b][k] = None
        return lead.start, lead.top - top

    def parts(self) -> list[dict[int, tuple[int, int, float] | None]]:
        """Each band's part of each spanning cell beside it (None: nothing of it), every band advanced."""
        parts: list[dict[int, tuple[int, int, float] | None]] = [{} for _ in self.bands]
        for k, covered in self.cover.items():
            lines = self.grid.spans[k].lines
            end = lines[-1].end + 1 if lines else 1
            starts = [self.starts[i][k] for i in covered]
            for n, (i, start) in enumerate(zip(covered, starts, strict=True)):
                after = next((s[0] for s in starts[n + 1:] if s is not None), end)
                parts[i][k] = None if start is None else (start[0], after, start[1])
        return parts


def _first(lines: list[Line], top: float, below: float, ending: bool) -> Start:
    """The first of the lines starting (or, `ending`, ending) in [top, below) on the endless
    page: its first character, and how far below `top` it starts."""
    for line in lines:
        edge = line.bottom - EPSILON if ending else line.top + EPSILON
        if (top < edge if ending else top <= edge) and (edge <= below if ending else edge < below):
            return line.start, line.top - top
    return None
