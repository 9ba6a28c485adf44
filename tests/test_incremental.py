"""A build with nothing changed reuses every document; any change to its inputs rebuilds it.

Only the first test renders for real; the rest are about what the cache decides, so they use
stand-in renderers (conftest's fake_renderers).
"""

from datetime import date

from conftest import MINI_PLAN
from wsoagen import pipeline

AS_AT = date(2019, 12, 2)


def test_unchanged_build_reuses_everything(make_plan, tmp_path):
    folder = make_plan()
    out = tmp_path / "out"
    cold = pipeline.build(folder, out, AS_AT)
    assert (cold.reused, cold.charts_drawn) == (0, 2)
    mtimes = {p: p.stat().st_mtime_ns for p in cold.written}
    warm = pipeline.build(folder, out, AS_AT)
    assert (warm.reused, warm.charts_drawn) == (2, 0)  # wsoa.pdf and wsoa.docx
    assert {p: p.stat().st_mtime_ns for p in warm.written} == mtimes  # unchanged files are not rewritten


def test_changes_to_plan_template_date_or_version_rebuild(make_plan, tmp_path, monkeypatch, fake_renderers):
    folder = make_plan()
    out = tmp_path / "out"
    pipeline.build(folder, out, AS_AT)
    (folder / "plan.yaml").write_text(MINI_PLAN.replace("Testshire SEND", "Testshire SEND (revised)"))
    assert pipeline.build(folder, out, AS_AT).reused == 0
    assert pipeline.build(folder, out, date(2019, 12, 3)).reused == 0  # another as-at date
    style = folder / "templates" / "default"
    style.mkdir(parents=True)
    (style / "house.css").write_text("h2 { color: #333333; }")
    assert pipeline.build(folder, out, date(2019, 12, 3)).reused == 0
    monkeypatch.setattr(pipeline, "_renderer_versions", lambda: "wsoagen 99")
    assert pipeline.build(folder, out, date(2019, 12, 3)).reused == 0


def test_outputs_of_removed_documents_are_removed(make_plan, tmp_path, fake_renderers):
    folder = make_plan(plan=MINI_PLAN + "recommendations:\n  - {ref: '1', text: Publish the strategy.}\n")
    out = tmp_path / "out"
    (out / folder.name).mkdir(parents=True)
    (out / folder.name / "notes.txt").write_text("mine")
    names = {p.name for p in pipeline.build(folder, out, AS_AT).written}
    assert "recommendations-tracker.pdf" in names
    (folder / "plan.yaml").write_text(MINI_PLAN)
    pipeline.build(folder, out, AS_AT)
    left = sorted(p.name for p in (out / folder.name).iterdir())
    assert left == ["notes.txt", "plan.json", "wsoa.docx", "wsoa.html", "wsoa.pdf"]
