"""House styles are code from the plan repository: sandboxed, kept in their folders, failures positioned."""

import os
from datetime import date
from pathlib import Path

import pytest

from conftest import MINI_PLAN
from wsoagen.data.metrics import read_plan
from wsoagen.diagnostics import PlanError
from wsoagen.render import html
from wsoagen.render.html import render_html

AS_AT = date(2019, 11, 15)


@pytest.fixture
def house(make_plan):
    """house(template, **files) -> (plan, folder): a plan whose house style's wsoa.html.j2 is `template`."""

    def make(template: str, **files: str | bytes) -> tuple[object, Path]:
        folder = make_plan(plan=MINI_PLAN + "house_style: testshire\n")
        style = folder / "templates" / "testshire"
        style.mkdir(parents=True)
        for name, text in {"wsoa.html.j2": template, **files}.items():
            path = style / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        plan, _ = read_plan(folder)
        return plan, folder

    html.environment.cache_clear()
    return make


def refused(plan, folder) -> str:
    """The one diagnostic the render stops with, as the command line prints it."""
    with pytest.raises(PlanError) as caught:
        render_html(plan, "wsoa", AS_AT, folder)
    (diagnostic,) = caught.value.diagnostics.items
    assert diagnostic.level == "error" and diagnostic.rule == "house-style"
    return str(diagnostic)


WSOA = "templates/testshire/wsoa.html.j2"


@pytest.mark.parametrize("expression", [
    "''.__class__.__mro__[1].__subclasses__()",
    "cycler.__init__.__globals__.os.popen('id').read()",
    "self._TemplateReference__context",
    "joiner.__init__.__globals__['__builtins__']['open']('/etc/passwd').read()",
    "lipsum.__globals__['os'].listdir('/')",
    "ctx.__dict__",
    "plan.__class__.__init__.__globals__",
    "'{0.__class__}'.format(plan)",
    "range.mro()",
])
def test_object_traversal_is_refused_at_its_line(house, expression):
    plan, folder = house("<p>fine</p>\n<p>{{ " + expression + " }}</p>\n")
    message = refused(plan, folder)
    assert message.startswith(f"{folder}/{WSOA}:2:")
    assert "refused" in message or "undefined" in message or "no attribute" in message
    assert "root:" not in message and "uid=" not in message


def test_os_and_open_are_not_there(house):
    for name in ("open", "os", "__import__", "__builtins__", "config", "request"):
        plan, folder = house("{{ " + name + " }}")
        assert f"'{name}' is undefined" in refused(plan, folder)


def test_a_harmless_template_still_renders_with_loops_macros_and_namespaces(house):
    plan, folder = house('{% extends "base.html.j2" %}{% block body %}<main>{% set ns = namespace(n=0) %}'
                         '{% for w in workstreams %}{% set ns.n = ns.n + 1 %}{% endfor %}<h1>{{ ns.n }} for {{ plan.local_area }}</h1>'
                         '</main>{% endblock %}')
    assert "<h1>1 for Testshire</h1>" in render_html(plan, "wsoa", AS_AT, folder)


@pytest.mark.parametrize("expression", ["'x' * 10**10", "[1] * 10**9", "9 ** (9 ** 9)", "10 ** 100000000"])
def test_a_template_cannot_fill_the_memory_with_one_operator(house, expression):
    plan, folder = house("<p>{{ 'ab' * 3 }} {{ 2 ** 10 }}</p>\n<p>{{ " + expression + " }}</p>\n")
    message = refused(plan, folder)
    assert message.startswith(f"{folder}/{WSOA}:2:") and "too big" in message


def test_lists_from_the_plan_cannot_be_changed_by_a_template(house):
    plan, folder = house("{% set _ = workstreams.clear() %}")
    assert "refused" in refused(plan, folder)
    assert len(plan.workstreams) == 1


@pytest.mark.parametrize("name", ["../../../plan.yaml", "/etc/passwd", "..\\plan.yaml", "sub/../../x"])
def test_includes_stay_inside_the_template_folders(house, name):
    plan, folder = house('<p>one</p>\n{% include "' + name.replace("\\", "\\\\") + '" %}\n')
    message = refused(plan, folder)
    assert message.startswith(f"{folder}/{WSOA}:2:") and "inside their own folder" in message


def test_a_symlink_out_of_the_folder_is_refused_not_read(house, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=hunter2")
    plan, folder = house('{% include "notes.html" %}')
    os.symlink(secret, folder / "templates" / "testshire" / "notes.html")
    message = refused(plan, folder)
    assert "outside the template folder" in message and "hunter2" not in message


def test_a_symlinked_house_css_is_refused(house):
    plan, folder = house('{% extends "base.html.j2" %}{% block body %}<main></main>{% endblock %}')
    os.symlink("/etc/passwd", folder / "templates" / "testshire" / "house.css")
    message = refused(plan, folder)
    assert message.startswith(f"{folder}/templates/testshire/house.css: error:") and "outside the template folder" in message


def test_a_symlink_inside_the_folder_is_fine(house):
    plan, folder = house('{% include "alias.html" %}', **{"parts/real.html": "<p>inside</p>"})
    os.symlink("parts/real.html", folder / "templates" / "testshire" / "alias.html")
    assert render_html(plan, "wsoa", AS_AT, folder) == "<p>inside</p>"


def test_a_fifo_is_refused_without_waiting(house):
    plan, folder = house('{% include "pipe.html" %}')
    os.mkfifo(folder / "templates" / "testshire" / "pipe.html")
    assert "not a regular file" in refused(plan, folder)


def test_a_template_that_is_not_utf8_is_positioned_at_the_byte(house):
    plan, folder = house(b"<p>ok</p>\n<p>caf\xe9</p>\n")
    assert refused(plan, folder).startswith(f"{folder}/{WSOA}:2:7: error: \"wsoa.html.j2\" is not UTF-8")


def test_syntax_errors_and_undefined_variables_are_positioned(house):
    plan, folder = house("<p>a</p>\n<p>b</p>\n{% if plan.local_area %}\n")
    message = refused(plan, folder)
    assert message.startswith(f"{folder}/{WSOA}:3:") and "syntax error" in message and "[house-style]" in message
    plan, folder = house("<p>a</p>\n   <p>{{ plan.locl_area }}</p>\n")
    assert refused(plan, folder).startswith(f"{folder}/{WSOA}:2:") and "locl_area" in refused(plan, folder)


def test_an_error_in_an_included_template_points_at_that_file(house):
    plan, folder = house('{% include "part.html" %}', **{"part.html": "<p>\n{{ nonesuch }}\n</p>"})
    assert refused(plan, folder).startswith(f"{folder}/templates/testshire/part.html:2:4: error: 'nonesuch' is undefined")


def test_recursive_includes_end_with_a_positioned_error(house):
    plan, folder = house('<p>x</p>\n{% include "a.html" %}', **{"a.html": '{% include "b.html" %}', "b.html": '{% include "a.html" %}'})
    message = refused(plan, folder)
    assert "without end" in message and "templates/testshire/" in message.splitlines()[0]


def test_the_built_in_templates_render_in_the_sandbox():
    assert html.environment((html.BUILTIN_TEMPLATES / "default",)).is_safe_attribute("", "__class__", None) is False


def test_nothing_a_template_can_reach_leads_to_modules_files_or_paths():
    """Walk every public attribute the sandbox allows from what a report template is given: no
    module, path, open file or builtin that acts on the machine is within reach."""
    import io
    import pathlib
    import types
    import warnings
    from collections import deque

    from conftest import EXAMPLE
    from wsoagen.data import status
    from wsoagen.render import charts
    from wsoagen.render.context import Context
    from wsoagen.render.house_check import _StandIn

    plan, _ = read_plan(EXAMPLE)
    report = plan.reports[0]
    picture = status.summary(plan, report.as_at)
    figures = charts.draw_all(plan, picture, report.as_at, _StandIn())
    env = html.environment((html.BUILTIN_TEMPLATES / "default",))
    roots = {"ctx": Context(plan, picture, figures, report), "plan": plan.file, "workstreams": plan.workstreams,
             "figures": figures, "report": report}
    queue, seen, found = deque((name, value, 0) for name, value in roots.items()), set(), []
    dangerous = (types.ModuleType, pathlib.PurePath, io.IOBase)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        while queue:
            where, obj, depth = queue.popleft()
            if id(obj) in seen or depth > 5:
                continue
            seen.add(id(obj))
            if isinstance(obj, dangerous) or any(obj is f for f in (open, eval, exec, __import__, os.system, os.popen)):
                found.append(where)
            elif isinstance(obj, dict):
                queue.extend((f"{where}[{k!r}]", v, depth + 1) for k, v in list(obj.items())[:20])
            elif isinstance(obj, (list, tuple, set, frozenset)):
                queue.extend((f"{where}[{i}]", v, depth + 1) for i, v in enumerate(list(obj)[:20]))
            elif not isinstance(obj, (str, bytes, int, float, date, type(None))):
                for name in dir(obj):
                    if env.is_safe_attribute(obj, name, None):
                        try:
                            queue.append((f"{where}.{name}", getattr(obj, name), depth + 1))
                        except Exception:  # noqa: BLE001, S112 (a property that fails is out of reach too)
                            continue
    assert len(seen) > 1000 and found == []
