"""The status scheme, resolved in one place: the words plan files may write, the Status behind an
id, Not rated, and the order documents list them in."""

from wsoagen.plan.model import DEFAULT_STATUSES, PlanFile, Status, StatusScheme
from wsoagen.plan.statuses import NOT_RATED, Statuses

RAG = {"statuses": [{"id": "r", "label": "Red"}, {"id": "a", "label": "Amber"}, {"id": "g", "label": "Green"}]}


def plan_file(**scheme: object) -> PlanFile:
    file = PlanFile.model_construct()
    file.status_scheme = StatusScheme(**scheme)
    return file


def test_brag_when_none_declared_matched_by_id_or_label_ignoring_case():
    scheme = Statuses.of(plan_file())
    assert scheme.declared == tuple(DEFAULT_STATUSES)
    assert [scheme.canonical(w) for w in ("blue", "Blue", "BLUE", "Purple", "75%")] == ["blue", "blue", "blue", None, None]
    assert scheme.resolve("green").label == "Green" and scheme.resolve("Green").id == "green"


def test_percentage_schemes_generate_their_statuses():
    scheme = Statuses.of(plan_file(percent=True))
    assert scheme.declared == ()
    assert [scheme.canonical(w) for w in ("75%", "75 %", "075%", "100%", "101%", "blue")] == ["75%", "75%", "75%", "100%", None, None]
    done, half = scheme.resolve("100%"), scheme.resolve("50%")
    assert (done.label, done.complete, done.colour) == ("100%", True, "#1d70b8")
    assert (half.label, half.complete, half.meaning) == ("50%", False, "in progress")


def test_not_rated_and_statuses_outside_the_scheme():
    scheme = Statuses.of(plan_file())
    assert scheme.resolve(None) is None and scheme.resolve("") is None and scheme.resolve("purple") is None
    assert scheme.resolve(NOT_RATED).label == "Not rated"
    assert [scheme.label(None), scheme.label(NOT_RATED), scheme.label("amber")] == ["Not rated", "Not rated", "Amber"]


def test_the_order_documents_list_statuses_in():
    scheme = Statuses.of(plan_file(percent=True, statuses=[Status(id="paused", label="Paused", meaning="on hold")]))
    assert scheme.ordered([NOT_RATED, "100%", "paused", "5%", "75%", "5%"]) == ["paused", "5%", "75%", "100%", NOT_RATED]


def test_plan_yaml_as_read_gives_the_same_words_as_the_model():
    yaml = Statuses.of_yaml(RAG)
    model = Statuses.of(plan_file(statuses=[Status(id=s["id"], label=s["label"], meaning="m") for s in RAG["statuses"]]))
    for word in ("r", "Red", "AMBER", "g", "blue", "75%"):
        assert yaml.canonical(word) == model.canonical(word), word
    # schema errors are the schema check's to report: what can be read still counts
    broken = Statuses.of_yaml({"statuses": [{"id": "x"}, "nonsense", {"label": "no id"}], "percent": "yes"})
    assert [s.id for s in broken.declared] == ["x"] and broken.canonical("X") == "x" and not broken.percent
    assert [s.id for s in Statuses.of_yaml(None).declared] == ["blue", "green", "amber", "red"]
    assert Statuses.of_yaml({"percent": True}).canonical("20%") == "20%"
