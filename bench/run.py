"""`make bench`: wsoagen's stages against bare library calls on the same content.

Prints ratios, never asserts: performance targets live here, not in timed tests.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from parallel import bench_parallel  # noqa: E402
from preview_latency import bench_preview  # noqa: E402
from synth import make_synthetic  # noqa: E402

from wsoagen import pipeline  # noqa: E402
from wsoagen.data.metrics import read_plan  # noqa: E402
from wsoagen.plan.validate import plan_files  # noqa: E402
from wsoagen.render.docx import html_to_docx  # noqa: E402
from wsoagen.render.html import render_html, template_dirs  # noqa: E402

EXAMPLE = HERE.parent / "plans" / "peterborough"


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bare_ruamel(folder: Path) -> None:
    yaml = YAML(typ="rt")
    plan, workstreams = plan_files(folder)
    for path in [plan, *workstreams]:
        yaml.load(path.read_text(encoding="utf-8"))


def bench_validate(plans: dict[str, Path]) -> None:
    print("validate (best of 5)")
    print(f"  {'plan':<12} {'milestones':>10} {'validate':>10} {'ruamel load':>12} {'ratio':>7}")
    for label, folder in plans.items():
        plan, _ = read_plan(folder)
        milestones = sum(len(a.milestones) for w in plan.workstreams for o in w.outcomes for a in o.actions)
        ours = best_of(lambda folder=folder: read_plan(folder))
        bare = best_of(lambda folder=folder: bare_ruamel(folder))
        print(f"  {label:<12} {milestones:>10} {ours:>9.3f}s {bare:>11.3f}s {ours / bare:>6.2f}x")


def bench_tracker(tmp: Path) -> None:
    """`wsoagen tracker export` and `import` of the example (targets: each under a second), against the
    plan's validation alone, openpyxl just opening the workbook and ruamel reading the workstream files."""
    from openpyxl import load_workbook

    from wsoagen.tracker.run import export_tracker, import_tracker, load_plan

    plan = tmp / "tracker" / "peterborough"
    shutil.copytree(EXAMPLE, plan)
    blank, filled = tmp / "tracker" / "blank.xlsx", tmp / "tracker" / "filled.xlsx"
    export = best_of(lambda: blank.write_bytes(export_tracker(plan).data))
    validate = best_of(lambda: load_plan(plan))
    wb = load_workbook(blank)
    for ws in wb.worksheets[1:-1]:  # a new status, date and update on every third milestone
        for row in range(4, ws.max_row + 1, 3):
            ws[f"H{row}"], ws[f"I{row}"], ws[f"J{row}"] = "Amber", "Feb 2020", "Benchmark update."
    wb.save(filled)
    pristine = {p: p.read_bytes() for p in (plan / "workstreams").glob("*.yaml")}
    times, changed = [], 0
    for _ in range(5):
        for path, data in pristine.items():  # each run imports into the plan as exported
            path.write_bytes(data)
        t0 = time.perf_counter()
        done = import_tracker(plan, filled)
        times.append(time.perf_counter() - t0)
        changed = sum(len(e.changes) for e in done.edits)
    bare_open = best_of(lambda: load_workbook(filled))
    bare_yaml = best_of(lambda: bare_ruamel(plan))
    print("\ntracker: the example's workbook out and back (best of 5); targets: each under 1 s")
    print(f"  export {export:.3f}s (of which validating the plan {validate:.3f}s)")
    print(f"  import {min(times):.3f}s, {changed} milestones changed (openpyxl opening the workbook {bare_open:.3f}s, "
          f"ruamel reading the plan {bare_yaml:.3f}s)")


AS_AT = date(2019, 11, 15)


def bench_documents(plans: dict[str, Path], tmp: Path) -> None:
    """Whole build, and the DOCX writer, against WeasyPrint alone (and pandoc) on the same HTML."""
    from weasyprint import HTML

    pandoc = shutil.which("pandoc")
    print("\nbuild the WSOA (html + pdf + docx + plan.json), cold, best of 2")
    print(f"  {'plan':<8} {'milestones':>10} {'pages':>6} {'build':>8} {'weasyprint':>11} {'ratio':>6}"
          f" {'our docx':>9} {'of weasy':>9} {'pandoc docx':>12}")
    for label, folder in plans.items():
        plan, _ = read_plan(folder)
        milestones = sum(len(a.milestones) for w in plan.workstreams for o in w.outcomes for a in o.actions)
        html = render_html(plan, "wsoa", AS_AT, folder)
        dirs = template_dirs(folder, plan.file.house_style)
        reference = next(d / "reference.docx" for d in dirs if (d / "reference.docx").is_file())
        runs = iter(range(100))
        # A fresh output folder each time: a cold build, no PDF/DOCX from the cache.
        build = best_of(lambda folder=folder, label=label, runs=runs: pipeline.build(folder, tmp / f"out-{label}-{next(runs)}", AS_AT), 2)
        weasy = best_of(lambda html=html, dirs=dirs: HTML(string=html, base_url=str(dirs[0])).write_pdf(pdf_variant="pdf/ua-1"), 2)
        pages = len(HTML(string=html, base_url=str(dirs[0])).render().pages)
        ours = best_of(lambda html=html, reference=reference: html_to_docx(html, reference), 2)
        pandoc_time = "not installed"
        if pandoc:
            src = tmp / f"{label}.html"
            src.write_text(html, encoding="utf-8")
            command = [pandoc, "-f", "html", "-t", "docx", "-o", str(tmp / f"{label}.docx"), str(src)]
            t = best_of(lambda command=command: subprocess.run(command, check=True), 2)
            pandoc_time = f"{t:.2f}s"
        print(f"  {label:<8} {milestones:>10} {pages:>6} {build:>7.2f}s {weasy:>10.2f}s {build / weasy:>5.2f}x"
              f" {ours:>8.2f}s {ours / weasy:>8.1%} {pandoc_time:>12}")
    print("  targets: our docx under 15% of WeasyPrint at every size, and no slower than pandoc")


def bench_charts() -> None:
    """The chart stage for the example against bare vl-convert calls on the same specs."""
    import vl_convert as vlc

    from wsoagen.data import status
    from wsoagen.render import charts

    plan, _ = read_plan(EXAMPLE)
    as_at = plan.reports[0].as_at if plan.reports else AS_AT
    picture = status.summary(plan, as_at)
    specs: list[dict] = []

    class Recording(charts.ChartRenderer):
        def draw(self, spec):
            specs.append(spec)
            return super().draw(spec)

    charts.draw_all(plan, picture, as_at, Recording(None))  # warm V8 and fonts, record the specs
    ours = best_of(lambda: charts.draw_all(plan, picture, as_at, charts.ChartRenderer(None)), 3)
    bare = best_of(lambda: [(vlc.vegalite_to_svg(sp), vlc.vegalite_to_png(sp, scale=2)) for sp in specs], 3)
    with tempfile.TemporaryDirectory() as cache:
        charts.draw_all(plan, picture, as_at, charts.ChartRenderer(Path(cache)))
        again = charts.ChartRenderer(Path(cache))
        cached = best_of(lambda: charts.draw_all(plan, picture, as_at, again), 3)
    print(f"\ncharts for the example ({len(specs)} charts, SVG + PNG each, best of 3)")
    print(f"  chart stage {ours:.2f}s; bare vl-convert on the same specs {bare:.2f}s; ratio {ours / bare:.2f}x")
    print(f"  with the cache warm {cached:.2f}s, charts redrawn: {again.drawn}")


def bench_pack(tmp: Path) -> None:
    """The example's whole build (WSOA, tracker, reports, board packs) against the WeasyPrint
    floor for the same final HTML, and an incremental rebuild with nothing changed."""
    from weasyprint import HTML

    plan, _ = read_plan(EXAMPLE)
    report = plan.reports[0]
    as_at = report.as_at
    out = tmp / "pack-cold"
    t0 = time.perf_counter()
    pipeline.build(EXAMPLE, out, as_at)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = pipeline.build(EXAMPLE, out, as_at)
    warm = time.perf_counter() - t0
    built = out / plan.name
    htmls = [p.read_text(encoding="utf-8") for p in sorted(built.glob("*.html"))]  # one per PDF
    floor = 0.0
    base = str(HERE.parent / "templates" / "default")
    for html in htmls:
        t0 = time.perf_counter()
        HTML(string=html, base_url=base).write_pdf(pdf_variant="pdf/ua-1")
        floor += time.perf_counter() - t0
    print("\nwhole example build: WSOA, tracker, two reports, two board packs (one run each)")
    print(f"  cold build {cold:.2f}s; WeasyPrint alone on the same {len(htmls)} HTML documents {floor:.2f}s; ratio {cold / floor:.2f}x")
    print(f"  rebuild with nothing changed {warm:.2f}s = {warm / cold:.1%} of cold "
          f"({result.reused} documents reused, {result.charts_drawn} charts redrawn)")


def bench_import(plans: dict[str, Path], tmp: Path) -> None:
    """`wsoagen import` of a plan's own Word edition, against python-docx just opening the file."""
    import docx
    from weasyprint import HTML

    from wsoagen.importer import import_plan

    print("\nimport a Word plan (wsoagen's own Word edition), best of 3; target: a 100-page plan under 5 s")
    print(f"  {'plan':<8} {'pages':>6} {'import':>8} {'python-docx open':>17} {'ratio':>6}")
    for label, folder in plans.items():
        plan, _ = read_plan(folder)
        html = render_html(plan, "wsoa", AS_AT, folder)
        dirs = template_dirs(folder, plan.file.house_style)
        source = tmp / f"import-{label}.docx"
        source.write_bytes(html_to_docx(html, next(d / "reference.docx" for d in dirs if (d / "reference.docx").is_file())))
        pages = len(HTML(string=html, base_url=str(dirs[0])).render().pages)
        runs = iter(range(100))
        ours = best_of(lambda source=source, label=label, runs=runs: import_plan(source, tmp / f"imported-{label}-{next(runs)}"), 3)
        bare = best_of(lambda source=source: docx.Document(str(source)), 3)
        print(f"  {label:<8} {pages:>6} {ours:>7.2f}s {bare:>16.2f}s {ours / bare:>5.1f}x")


def main() -> None:
    only = set(sys.argv[1:])
    with tempfile.TemporaryDirectory() as tmp:
        # The example's plan and workstreams only (its reports and data are benchmarked in
        # bench_pack), and synthetic plans 4 and 10 times its size.
        plans = {"example": make_synthetic(EXAMPLE, 1, Path(tmp) / "example")}
        for factor in (4, 10):
            plans[f"x{factor}"] = make_synthetic(EXAMPLE, factor, Path(tmp) / f"synthetic-x{factor}")
        if not only or "validate" in only:
            bench_validate(plans)
        if not only or "tracker" in only:
            bench_tracker(Path(tmp))
        if not only or "documents" in only:
            bench_documents(plans, Path(tmp))
        if not only or "charts" in only:
            bench_charts()
        if not only or "pack" in only:
            bench_pack(Path(tmp))
        if not only or "parallel" in only:
            bench_parallel(Path(tmp))
        if not only or "import" in only:
            bench_import(plans, Path(tmp))
        if not only or "preview" in only:
            bench_preview(plans, Path(tmp))


if __name__ == "__main__":
    main()
